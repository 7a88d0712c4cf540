package com.charterbot.bench.rehearsal;

import com.charterbot.bench.load.Knobs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The rehearsal's knobs, system properties {@code bench.rehearsal.<name>} (see bench/README.md).
 *
 * @param rate           requests per second of the whole load, both instances and platforms together
 * @param warmup         unmeasured load before the measured window (JIT, connection pools)
 * @param minDuration    shortest measured load; it runs longer when the nudge slots need it
 * @param badShare       share of the requests that are forged or malformed
 * @param channels       nudge channels, half Slack and half Teams
 * @param slots          consecutive minutes the channels' slots are spread over
 * @param slotLead       the first slot is the first whole minute at least this long after the load starts
 * @param budget         {@code charter.scheduler.tenant-budget-per-second}: per workspace or tenant, for both instances together
 * @param killAfter      share of the expected nudges delivered when one instance is killed
 * @param cutAfter       share delivered when the database is cut (and the killed instance is back)
 * @param cutLength      how long the database stays cut
 * @param grace          how long a fault window lasts past the recovery it waits for
 * @param drainTimeout   how long to wait after the load for the last nudges
 * @param rateLimited    share of nudge sends answered 429
 * @param serverErrors   share answered 500
 * @param late           share answered only after the client's timeout
 * @param slackApiTimeout {@code charter.slack.api-timeout} of the instances
 * @param teamsSendTimeout how long the Teams adapter waits for the Bot Connector's answer (fixed in the product:
 *                       {@code TeamsAdapter.CONNECTOR_READ_TIMEOUT})
 * @param targetP99      the p99 target outside the fault windows, in milliseconds
 * @param slowClients    connections trickling a request body to one instance during the whole load (the slow-body attack)
 */
record Settings(
        int rate,
        Duration warmup,
        Duration minDuration,
        double badShare,
        int channels,
        int slots,
        Duration slotLead,
        int budget,
        double killAfter,
        double cutAfter,
        Duration cutLength,
        Duration grace,
        Duration drainTimeout,
        double rateLimited,
        double serverErrors,
        double late,
        Duration slackApiTimeout,
        Duration teamsSendTimeout,
        int connections,
        Duration timeout,
        Duration startupTimeout,
        String appHeap,
        List<String> appJvmOptions,
        List<String> appArguments,
        long seed,
        int targetP99,
        int slowClients,
        Path jar,
        Path dir,
        String summary) {

    static Settings from(Knobs knobs) {
        int rate = knobs.integer("rate", 40, 1, 2_000);
        Duration warmup = knobs.seconds("warmup-s", 30, 0, 600);
        Duration minDuration = knobs.seconds("min-duration-s", 120, 60, 1_800);
        double badShare = knobs.integer("bad-percent", 15, 0, 90) / 100.0;
        int channels = knobs.integer("channels", 2_000, 4, 20_000);
        if (channels % 2 != 0) {
            throw new IllegalArgumentException(
                    "bench.rehearsal.channels must be even (half Slack, half Teams), got " + channels);
        }
        int slots = knobs.integer("slots", 2, 1, 10);
        Duration slotLead = knobs.seconds("slot-lead-s", 40, 10, 600);
        int budget = knobs.integer("budget", 10, 1, 1_000);
        double killAfter = knobs.integer("kill-after-percent", 25, 1, 99) / 100.0;
        double cutAfter = knobs.integer("cut-after-percent", 60, 1, 99) / 100.0;
        Duration cutLength = knobs.seconds("cut-s", 10, 1, 120);
        Duration grace = knobs.seconds("grace-s", 15, 0, 120);
        Duration drainTimeout = knobs.seconds("drain-timeout-s", 300, 10, 1_800);
        double rateLimited = knobs.integer("rate-limited-percent", 5, 0, 50) / 100.0;
        double serverErrors = knobs.integer("server-error-percent", 5, 0, 50) / 100.0;
        double late = knobs.integer("late-percent", 1, 0, 50) / 100.0;
        Duration slackApiTimeout = knobs.millis("slack-api-timeout-ms", 2_000, 100, 60_000);
        Duration teamsSendTimeout = knobs.seconds("teams-send-timeout-s", 30, 1, 300);
        int connections = knobs.integer("connections", 256, 1, 4_096);
        Duration timeout = knobs.millis("timeout-ms", 5_000, 100, 120_000);
        Duration startupTimeout = knobs.seconds("startup-timeout-s", 240, 10, 1_200);
        String appHeap = knobs.string("app-heap", "384m");
        List<String> appJvmOptions = knobs.words("app-jvm-args");
        List<String> appArguments = knobs.words("app-args");
        long seed = knobs.integer("seed", 20_261_126, 0, Integer.MAX_VALUE);
        int targetP99 = knobs.integer("target-p99-ms", 100, 1, 60_000);
        int slowClients = knobs.integer("slow-clients", 250, 0, 2_000);
        Path jar = Path.of(knobs.string("jar", "bot-app/target/charter-bot.jar"));
        Path dir = Path.of(knobs.string("dir", "bench/target/rehearsal"));
        return new Settings(
                rate,
                warmup,
                minDuration,
                badShare,
                channels,
                slots,
                slotLead,
                budget,
                killAfter,
                cutAfter,
                cutLength,
                grace,
                drainTimeout,
                rateLimited,
                serverErrors,
                late,
                slackApiTimeout,
                teamsSendTimeout,
                connections,
                timeout,
                startupTimeout,
                appHeap,
                appJvmOptions,
                appArguments,
                seed,
                targetP99,
                slowClients,
                jar,
                dir,
                knobs.describe());
    }
}
