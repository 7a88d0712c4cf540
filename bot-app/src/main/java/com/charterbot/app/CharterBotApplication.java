package com.charterbot.app;

import com.charterbot.app.cli.CommandLine;
import com.charterbot.app.startup.ReleaseStartupGarbage;
import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.playground.Playground;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the bot server when given no arguments or only {@code --name=value} properties; runs a
 * command-line tool otherwise ({@code init}, {@code ask}, {@code chat}, {@code validate},
 * {@code eval}, {@code check}, {@code check-eval}, {@code --version}, {@code --help}) or the charter playground ({@code playground}), and
 * refuses anything else with the usage.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CharterBotApplication {

    public static void main(String[] args) {
        if (Playground.isCommand(args)) {
            Playground.main(args);
            return;
        }
        if (CommandLine.startsServer(args)) {
            // Lucene's classes load and warm up on the other core while Spring starts: the charter's
            // index, built before the bot is ready, then costs a fraction of its cold cost.
            Thread warmUp = new Thread(AnswerEngine::prepare, "answer-engine-warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
            SpringApplication server = new SpringApplication(CharterBotApplication.class);
            server.addListeners(new ReleaseStartupGarbage());
            server.run(args);
            return;
        }
        // A command prints what it has to say itself; the libraries' logging would only add noise
        // (and, set up, a few hundred milliseconds): commons-logging (Spring) and SLF4J say nothing.
        System.setProperty("org.apache.commons.logging.LogFactory", "org.apache.commons.logging.impl.LogFactoryImpl");
        System.setProperty("org.apache.commons.logging.Log", "org.apache.commons.logging.impl.NoOpLog");
        System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        System.setProperty("slf4j.internal.verbosity", "WARN");
        System.exit(CommandLine.run(args, System.in, System.out, System.err));
    }
}
