package com.charterbot.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestBodyFilterTest {

    private final RequestBodyFilter filter =
            new RequestBodyFilter(new RequestBodyFilter.Limits(Duration.ofSeconds(2), 1_000, 4, 4_000));

    @Test
    void aBodyThatHasArrivedWholeGoesOnAtOnceWithoutAnAsynchronousRead() throws Exception {
        byte[] body = "token=x&text=caf%C3%A9".getBytes(StandardCharsets.UTF_8);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/slack/events");
        request.setAsyncSupported(true);
        request.setContent(body);
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(request.isAsyncStarted()).isFalse();
        HttpServletRequest passed = (HttpServletRequest) chain.getRequest();
        assertThat(passed.getInputStream().readAllBytes()).isEqualTo(body);
        assertThat(passed.getContentLength()).isEqualTo(body.length);
    }

    @Test
    void anEmptyBodyGoesOnAtOnceAndABodyDeclaredTooLargeIsRefusedUnread() throws Exception {
        MockHttpServletRequest empty = new MockHttpServletRequest("POST", "/api/messages");
        empty.setAsyncSupported(true);
        empty.setContent(new byte[0]);
        MockFilterChain emptyChain = new MockFilterChain();
        MockHttpServletRequest large = new MockHttpServletRequest("POST", "/api/messages");
        large.setAsyncSupported(true);
        large.setContent(new byte[1_001]);
        MockHttpServletResponse refused = new MockHttpServletResponse();
        MockFilterChain largeChain = new MockFilterChain();

        filter.doFilter(empty, new MockHttpServletResponse(), emptyChain);
        filter.doFilter(large, refused, largeChain);

        assertThat(((HttpServletRequest) emptyChain.getRequest())
                        .getInputStream()
                        .readAllBytes())
                .isEmpty();
        assertThat(refused.getStatus()).isEqualTo(413);
        assertThat(largeChain.getRequest()).isNull();
    }
}
