/**
 * Every store port of the core kept in memory, in one place: for one process that keeps nothing
 * after it ends, the command line's {@code chat}, the playground of {@code serve}, the benchmarks
 * and the tests. A server never uses them: its stores are the JDBC ones of {@code bot-app}
 * ({@code com.charterbot.app.persistence}), and {@code StoreContractsTest} holds both to the same
 * behaviour. {@link com.charterbot.core.memory.InMemoryConversation} wires the whole conversation
 * over them. {@code DependencyRulesTest} checks that no other package of the core uses this one.
 */
package com.charterbot.core.memory;
