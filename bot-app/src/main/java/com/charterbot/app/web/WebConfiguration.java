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

    /** Right after the request id, before anything reads the request. */
    @Bean
    FilterRegistrationBean<RequestBodyFilter> requestBodyFilter(HttpProperties properties) {
        FilterRegistrationBean<RequestBodyFilter> registration = new FilterRegistrationBean<>(new RequestBodyFilter(properties.limits()));
        registration.setName("requestBody");
        registration.addUrlPatterns("/slack/*", "/api/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        registration.setAsyncSupported(true);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
