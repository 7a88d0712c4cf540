package com.charterbot.app.charter;

import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.CharterLoader;
import com.charterbot.core.charter.LoadResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the configured charter at start-up and serves answers from it. */
@Configuration(proxyBeanMethods = false)
class AnswerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AnswerConfiguration.class);

    @Bean
    AnswerEngine answerEngine(CharterProperties properties) {
        CharterFiles files = CharterSource.files(properties);
        LoadResult result = CharterLoader.load(files, properties.settings());
        if (result instanceof LoadResult.Rejected rejected) {
            throw new InvalidCharterException(CharterSource.describe(files, rejected));
        }
        var charter = ((LoadResult.Loaded) result).charter();
        log.info("Charter {} loaded from {}: {} sections in {} languages", charter.version(), files.origin(),
                charter.topicIds().size(), charter.sections().size());
        return new AnswerEngine(charter, properties.language());
    }

    /** The configured charter cannot be used; the message lists every problem. */
    public static final class InvalidCharterException extends RuntimeException {
        InvalidCharterException(String message) {
            super(message);
        }
    }
}
