package com.charterbot.app.web;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** What stands between the network and the platform endpoints ({@code /slack/*}, {@code /api/*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpProperties.class)
class WebConfiguration {

    /**
     * After the request id and Spring's HTTP observation filter (both at most HIGHEST_PRECEDENCE + 1),
     * before anything reads the request. After the observation filter, because that filter ends an
     * observation begun in an async dispatch only through the listener it adds to the first dispatch:
     * run before it, this filter's async dispatch left every platform request's observation open
     * (an ever-growing "active requests" and heap, no request timed; found by bench/soak).
     */
    @Bean
    FilterRegistrationBean<RequestBodyFilter> requestBodyFilter(HttpProperties properties) {
        FilterRegistrationBean<RequestBodyFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyFilter(properties.limits()));
        registration.setName("requestBody");
        registration.addUrlPatterns("/slack/*", "/api/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        registration.setAsyncSupported(true);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
