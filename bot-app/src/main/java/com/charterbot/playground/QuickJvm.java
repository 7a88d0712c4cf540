package com.charterbot.playground;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Runs the playground in a second JVM that compiles with C1 only, when this one was started with
 * {@code java -jar}: the playground is a short-lived tool for one author, and what it waits for is
 * its start.
 *
 * <p>Why a second process: on two cores, HotSpot's optimising compiler (C2) takes about a third of
 * the CPU of the playground's first seconds, compiling the nested jar's class loading and the
 * charter's first reading, code that then hardly runs again. A running JVM cannot change its
 * compilers and a jar's manifest cannot set JVM options. Measured on two cores: the charter's state
 * ready 1.5 to 1.8 s after the command with C1 only, 2.6 to 3.1 s without (docs/measurements.md).
 * C1's code still answers a question in milliseconds.
 *
 * <p>The child gets this JVM's own options after {@value #COMPILER}, so an author's
 * {@code -XX:TieredStopAtLevel=4} wins; it stops when this process stops (Ctrl+C, a kill, even
 * {@code kill -9}, see {@link #followParent(String)}), and its exit status becomes this process's. Not
 * when debugging (a JDWP agent stays in one process) nor with {@code -D}{@value #FORK}{@code =false}.
 */
final class QuickJvm {

    /**
     * {@code -Dcharter.playground.fork=false}: run in this JVM. The child is started with
     * {@code =child}: run there, and stop with the parent.
     */
    static final String FORK = "charter.playground.fork";

    static final String CHILD = "child";

    static final String COMPILER = "-XX:TieredStopAtLevel=1";

    private QuickJvm() {}

    /**
     * The child's command line, or empty when the playground runs here.
     *
     * @param command this process's command line as the system shows it: the {@code java}
     *     executable, then its arguments
     * @param fork this JVM's {@value #FORK} setting, null when not set
     */
    static Optional<List<String>> childCommand(List<String> command, String fork) {
        if ("false".equals(fork) || CHILD.equals(fork) || command.isEmpty()) {
            return Optional.empty();
        }
        int jar = command.indexOf("-jar");
        if (jar < 1 || jar + 1 >= command.size()) {
            return Optional.empty();
        }
        List<String> jvmOptions = command.subList(1, jar);
        if (jvmOptions.stream().anyMatch(option -> option.contains("jdwp"))) {
            return Optional.empty();
        }
        List<String> child = new ArrayList<>();
        child.add(command.get(0));
        child.add(COMPILER);
        child.addAll(jvmOptions);
        child.add("-D" + FORK + "=" + CHILD);
        child.addAll(command.subList(jar, command.size()));
        return Optional.of(List.copyOf(child));
    }

    /** This process's command line, empty when the system does not tell it. */
    static List<String> ownCommand() {
        ProcessHandle.Info info = ProcessHandle.current().info();
        if (info.command().isEmpty() || info.arguments().isEmpty()) {
            return List.of();
        }
        List<String> command = new ArrayList<>();
        command.add(info.command().get());
        command.addAll(List.of(info.arguments().get()));
        return command;
    }

    /**
     * Starts the child with this process's standard streams and waits for it: its exit status, or
     * empty when it could not start (the playground then runs in this JVM).
     */
    static OptionalInt run(List<String> command) {
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            return OptionalInt.empty();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(child), "playground-child-stop"));
        while (true) {
            try {
                return OptionalInt.of(child.waitFor());
            } catch (InterruptedException e) {
                // Only the shutdown hook stops the child.
            }
        }
    }

    private static void stop(Process child) {
        if (child.isAlive()) {
            child.destroy();
            try {
                child.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** In the child ({@code fork} is {@value #CHILD}): stops when the parent is gone however it went, so that no orphan keeps the port. */
    static void followParent(String fork) {
        if (CHILD.equals(fork)) {
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
        }
    }
}
