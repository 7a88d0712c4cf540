package com.charterbot.app.stats;

import com.charterbot.core.stats.ChartSheet;
import com.charterbot.core.stats.DrawCharts;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The statistics' charts, drawn once at start-up on the side so that an administrator's first {@code stats} is not the slow one. */
@Configuration(proxyBeanMethods = false)
class StatsConfiguration {

    @Bean
    DrawCharts drawCharts() {
        return new JFreeChartDrawing();
    }

    /** Loads the fonts and JFreeChart's classes (most of a second, once) off the request path. */
    @Bean
    SmartInitializingSingleton chartsWarmUp(DrawCharts charts) {
        return () -> {
            Thread warmUp = new Thread(
                    () -> charts.png(new ChartSheet(
                            "-",
                            List.of(new ChartSheet.Chart(
                                    "-",
                                    ChartSheet.Kind.BARS,
                                    List.of("-"),
                                    List.of(new ChartSheet.Series("-", List.of(1.0))),
                                    0)))),
                    "charts-warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
        };
    }
}
