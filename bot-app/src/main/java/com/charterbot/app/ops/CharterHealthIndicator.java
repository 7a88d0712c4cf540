package com.charterbot.app.ops;

import com.charterbot.app.charter.CharterReloader;
import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.ReloadResult;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The charter answers come from ("charter" in the health groups). Always up once the application
 * has started, since it refuses to start without a valid charter and a rejected reload keeps the
 * charter in use; the details (shown only where details are) say which version and how the last
 * reload went.
 */
final class CharterHealthIndicator implements HealthIndicator {

    private final AnswerEngine engine;
    private final CharterReloader reloader;
    private final boolean bundled;

    CharterHealthIndicator(AnswerEngine engine, CharterReloader reloader, boolean bundled) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.reloader = Objects.requireNonNull(reloader, "reloader");
        this.bundled = bundled;
    }

    @Override
    public Health health() {
        Charter charter = engine.charter();
        Health.Builder health = Health.up()
                .withDetail("version", charter.version())
                .withDetail("sections", charter.topicIds().size())
                .withDetail("source", bundled ? "bundled" : "folder");
        reloader.last().ifPresent(last -> {
            Map<String, Object> reload = new LinkedHashMap<>();
            reload.put("at", last.at().toString());
            reload.put("trigger", last.trigger().name().toLowerCase(Locale.ROOT));
            if (last.result() instanceof ReloadResult.Rejected rejected) {
                reload.put("result", "rejected");
                reload.put("problems", rejected.problems().size());
            } else {
                reload.put("result", "loaded");
            }
            health.withDetail("lastReload", reload);
        });
        return health.build();
    }
}
