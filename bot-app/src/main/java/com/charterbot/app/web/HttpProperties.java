package com.charterbot.app.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the platform endpoints read request bodies ({@code charter.http.*}); see {@link RequestBodyFilter}.
 *
 * @param bodyTimeout the longest a request body may take to arrive whole (408 after); Slack and
 *     Teams send theirs at once
 * @param maxBodySize the largest body read at all (413 above); each endpoint has its own, smaller or equal limit
 * @param maxConcurrentBodies how many bodies may be being read at once (503 above)
 * @param maxBufferedSize how much the bodies being read may hold together (503 above)
 */
@ConfigurationProperties("charter.http")
public record HttpProperties(
        @DefaultValue("10s") Duration bodyTimeout,
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("1000") int maxConcurrentBodies,
        @DefaultValue("64MB") DataSize maxBufferedSize) {

    RequestBodyFilter.Limits limits() {
        return new RequestBodyFilter.Limits(
                bodyTimeout,
                (int) Math.min(Integer.MAX_VALUE, maxBodySize.toBytes()),
                maxConcurrentBodies,
                maxBufferedSize.toBytes());
    }
}
