package com.charterbot.playground;

import com.charterbot.app.charter.CharterProperties;
import com.charterbot.app.conversation.ConversationProperties;
import com.charterbot.app.stats.JFreeChartDrawing;
import com.charterbot.core.stats.DrawCharts;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.HttpEncodingAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The playground's Spring application: a web server on 127.0.0.1 serving the page (static files
 * under {@code classpath:/playground/}) and its JSON endpoints, over the same charter settings as
 * the server and a live charter. No database, no scheduler, no platform adapter, no actuator: only
 * the auto-configurations listed here.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({
    PropertyPlaceholderAutoConfiguration.class,
    TomcatServletWebServerAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class,
    WebMvcAutoConfiguration.class,
    HttpMessageConvertersAutoConfiguration.class,
    JacksonAutoConfiguration.class,
    HttpEncodingAutoConfiguration.class,
    ErrorMvcAutoConfiguration.class
})
@EnableConfigurationProperties({CharterProperties.class, ConversationProperties.class})
class PlaygroundApplication {

    /** How often the charter folder is checked: an author who saves a file is waiting for the page. */
    static final Duration WATCH_INTERVAL = Duration.ofMillis(250);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    LiveCharter liveCharter(CharterProperties properties, Clock clock) {
        return new LiveCharter(properties, WATCH_INTERVAL, clock);
    }

    @Bean
    DrawCharts drawCharts() {
        return new JFreeChartDrawing();
    }

    @Bean
    PlaygroundChats playgroundChats(
            LiveCharter charter, ConversationProperties properties, DrawCharts charts, Clock clock) {
        return new PlaygroundChats(charter, properties, charts, clock);
    }

    @Bean
    PlaygroundApi playgroundApi(LiveCharter charter, PlaygroundChats chats) {
        return new PlaygroundApi(charter, chats);
    }

    @Bean
    FilterRegistrationBean<PlaygroundGuard> playgroundGuard() {
        FilterRegistrationBean<PlaygroundGuard> registration = new FilterRegistrationBean<>(new PlaygroundGuard());
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** This machine only, whatever {@code server.address} says, on the port asked for. */
    @Bean
    WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> loopbackOnly(
            @Value("${charter.playground.port}") int port) {
        return new WebServerFactoryCustomizer<>() {
            @Override
            public void customize(ConfigurableServletWebServerFactory factory) {
                factory.setAddress(InetAddress.getLoopbackAddress());
                factory.setPort(port);
            }
        };
    }
}
