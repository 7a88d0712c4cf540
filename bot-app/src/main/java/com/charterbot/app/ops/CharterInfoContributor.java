package com.charterbot.app.ops;

import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.charter.Charter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/** Adds the charter in use to {@code /actuator/info}: its version (a hash of its files and settings) and its size. */
final class CharterInfoContributor implements InfoContributor {

    private final AnswerEngine engine;
    private final boolean bundled;

    CharterInfoContributor(AnswerEngine engine, boolean bundled) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.bundled = bundled;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Charter charter = engine.charter();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", charter.version());
        details.put("sections", charter.topicIds().size());
        details.put("source", bundled ? "bundled" : "folder");
        builder.withDetail("charter", details);
    }
}
