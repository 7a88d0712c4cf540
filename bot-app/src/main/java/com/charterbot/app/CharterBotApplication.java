package com.charterbot.app;

import com.charterbot.app.cli.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the bot server, or runs a command-line tool when the first argument names one
 * ({@code ask}, {@code validate}, {@code eval}, {@code check}, {@code check-eval}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CharterBotApplication {

    public static void main(String[] args) {
        if (CommandLine.isCommand(args)) {
            System.exit(CommandLine.run(args, System.out, System.err));
        }
        SpringApplication.run(CharterBotApplication.class, args);
    }
}
