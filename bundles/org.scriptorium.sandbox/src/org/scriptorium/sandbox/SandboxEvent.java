package org.scriptorium.sandbox;

import com.google.gson.JsonObject;

/**
 * One protocol event received from a child (see docs/sandbox-protocol.md).
 *
 * @param runId the run it belongs to
 * @param type  {@code started}, {@code progress}, {@code metric}, {@code log}, {@code artifact},
 *              {@code result} or {@code error}; the runner itself adds {@code stderr} (a line of the
 *              child's stderr) and {@code garbage} (a stdout line that is not an event)
 * @param data  the event object as received
 */
public record SandboxEvent(String runId, String type, JsonObject data) {
}
