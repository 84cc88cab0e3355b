package dev.ipv6boot.http;

/**
 * Renders per-machine content for a path pattern, registered with
 * {@link ArtifactServer.Builder#route(String, DynamicHandler)}. Runs on an event-loop thread unless the server
 * was given a handler executor; either way it must not keep the request. A null answer is a 404; an
 * exception is a 500, counted as {@link HttpCounter#HANDLER_FAILURES}.
 */
@FunctionalInterface
public interface DynamicHandler {
    DynamicResponse handle(DynamicRequest request) throws Exception;
}
