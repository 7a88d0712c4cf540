package com.charterbot.core.charter;

/**
 * Reads the charter files again and serves the new version when it is valid: the port behind the
 * administrators' {@code reload} command. A broken charter never replaces the one in use.
 */
@FunctionalInterface
public interface ReloadCharter {

    /** What reloading gave; never throws for a broken charter, which is a {@link ReloadResult.Rejected}. */
    ReloadResult reload();

    /** For a bot that serves the charter bundled with it: there is nothing to reload. */
    static ReloadCharter bundled() {
        return ReloadResult.Bundled::new;
    }
}
