package com.charterbot.app.charter;

import com.charterbot.app.startup.StartupRefusal;
import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.CharterLoader;
import com.charterbot.core.charter.LoadResult;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Loads the configured charter at start-up and serves answers from it; reloads it on an
 * administrator's {@code reload} and, when it comes from a folder, when its files change.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CharterReloadProperties.class)
class AnswerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AnswerConfiguration.class);

    @Bean
    AnswerEngine answerEngine(CharterProperties properties) {
        CharterFiles files = CharterSource.files(properties);
        LoadResult result = CharterLoader.load(files, properties.settings());
        if (result instanceof LoadResult.Rejected rejected) {
            throw new StartupRefusal(
                    CharterSource.describe(files, rejected),
                    "Fix the files listed above (docs/charter-format.md says how), check them with "
                            + "'java -jar charter-bot.jar validate <dir>', or unset charter.dir (CHARTER_DIR) to use the bundled charter.");
        }
        var charter = ((LoadResult.Loaded) result).charter();
        log.info(
                "Charter {} loaded from {}: {} sections in {} languages",
                charter.version(),
                files.origin(),
                charter.topicIds().size(),
                charter.sections().size());
        return new AnswerEngine(charter, properties.language());
    }

    /** The administrators' {@code reload}, and the file watcher's. */
    @Bean
    CharterReloader charterReloader(AnswerEngine engine, CharterProperties properties, Clock clock) {
        return new CharterReloader(engine, properties, clock);
    }

    /** Reloads on file changes, when the charter comes from a folder and the watch is not turned off. */
    @Bean
    @Conditional(WatchedFolder.class)
    CharterWatcher charterWatcher(
            CharterProperties properties, CharterReloadProperties reload, CharterReloader reloader) {
        return new CharterWatcher(properties.folder(), reload.watchInterval(), reloader);
    }

    /** {@code charter.dir} is set and {@code charter.reload.watch-interval} is not zero. */
    static final class WatchedFolder implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            boolean folder =
                    !context.getEnvironment().getProperty("charter.dir", "").isBlank();
            boolean watching = Binder.get(context.getEnvironment())
                    .bind("charter.reload", CharterReloadProperties.class)
                    .orElseGet(() -> new CharterReloadProperties(Duration.ofSeconds(10)))
                    .watching();
            return folder && watching;
        }
    }
}
