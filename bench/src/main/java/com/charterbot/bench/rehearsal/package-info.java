/**
 * {@code bench/rehearsal}: the production rehearsal. Two instances of the app jar on one embedded
 * PostgreSQL, WireMock standing in for Slack's Web API and the Bot Connector service (with faults),
 * signed Slack and Teams traffic mixed with forged and malformed requests, 2,000 channels' nudges
 * coming due, one instance killed with SIGKILL mid fan-out and the database cut for ten seconds;
 * then a report of what was answered, what the platforms received per channel and how fast the
 * system recovered. See {@link com.charterbot.bench.rehearsal.Rehearsal} and bench/README.md.
 *
 * <p>Nothing in this package returns or accepts null unless stated.
 */
package com.charterbot.bench.rehearsal;
