package com.charterbot.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestIdFilterTest {

    private final RequestIdFilter filter = new RequestIdFilter();

    @Test
    void keepsTheCallersIdInTheLoggingContextWhileTheRequestIsHandledAndEchoesIt() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/slack/events");
        request.addHeader(RequestIdFilter.HEADER, "edge-4f2a.17:b");
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<String> seen = new AtomicReference<>();

        filter.doFilter(request, response, (req, res) -> seen.set(MDC.get(RequestIdFilter.MDC_KEY)));

        assertThat(seen).hasValue("edge-4f2a.17:b");
        assertThat(response.getHeader(RequestIdFilter.HEADER)).isEqualTo("edge-4f2a.17:b");
        assertThat(MDC.get(RequestIdFilter.MDC_KEY))
                .as("cleared after the request")
                .isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "has space", "line\nbreak", "quote\"inject", "{\"json\":1}", "é-accent"})
    void replacesAnIdThatIsNotAShortToken(String header) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.addHeader(RequestIdFilter.HEADER, header);
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<String> seen = new AtomicReference<>();

        filter.doFilter(request, response, (req, res) -> seen.set(MDC.get(RequestIdFilter.MDC_KEY)));

        assertThat(seen.get()).matches("[0-9a-f-]{36}").isNotEqualTo(header);
        assertThat(response.getHeader(RequestIdFilter.HEADER)).isEqualTo(seen.get());
    }

    @Test
    void boundsTheLengthOfACallersId() {
        assertThat(RequestIdFilter.accepted("a".repeat(64))).contains("a".repeat(64));
        assertThat(RequestIdFilter.accepted("a".repeat(65))).isEmpty();
        assertThat(RequestIdFilter.accepted(null)).isEmpty();
    }

    @Test
    void generatesADifferentIdForEachRequestWithoutOne() throws Exception {
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 3; i++) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(new MockHttpServletRequest("GET", "/"), response, (req, res) -> {});
            ids.add(response.getHeader(RequestIdFilter.HEADER));
        }
        assertThat(ids).hasSize(3);
    }

    @Test
    void restoresAnOuterIdAfterAnInnerDispatch() throws Exception {
        MDC.put(RequestIdFilter.MDC_KEY, "outer");
        try {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
            request.addHeader(RequestIdFilter.HEADER, "inner");
            filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {});

            assertThat(MDC.get(RequestIdFilter.MDC_KEY)).isEqualTo("outer");
        } finally {
            MDC.remove(RequestIdFilter.MDC_KEY);
        }
    }

    /** Slack signs the raw body: reading a parameter or the body here would break its signature check. */
    @Test
    void readsNeitherParametersNorTheBody() throws Exception {
        MockHttpServletRequest form = new MockHttpServletRequest("POST", "/slack/events");
        form.setContentType("application/x-www-form-urlencoded");
        form.setContent("command=%2Fcharter&text=hello".getBytes());
        form.addHeader(RequestIdFilter.HEADER, "slack-1");
        List<String> touched = new ArrayList<>();
        HttpServletRequest guarded = (HttpServletRequest) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.startsWith("getParameter")
                            || name.equals("getInputStream")
                            || name.equals("getReader")
                            || name.equals("getParts")
                            || name.equals("getPart")) {
                        touched.add(name);
                    }
                    return method.invoke(form, args);
                });
        AtomicReference<String> body = new AtomicReference<>();

        filter.doFilter(
                guarded,
                new MockHttpServletResponse(),
                (req, res) -> body.set(new String(form.getInputStream().readAllBytes())));

        assertThat(touched).isEmpty();
        assertThat(body).as("the body is intact for what comes after").hasValue("command=%2Fcharter&text=hello");
    }
}
