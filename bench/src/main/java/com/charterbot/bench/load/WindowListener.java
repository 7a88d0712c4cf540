package com.charterbot.bench.load;

/**
 * Told when a phase's measured window opens (warm-up over) and closes (last measured response in),
 * for example to read the server's CPU time over exactly that span. Called from the generator's
 * coordinating thread; must return quickly.
 */
public interface WindowListener {

    WindowListener NONE = new WindowListener() {};

    default void opened() {}

    default void closed() {}
}
