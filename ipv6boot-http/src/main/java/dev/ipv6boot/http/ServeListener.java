package dev.ipv6boot.http;

/**
 * Told of every request either server answered, once it is finished. Called on an event-loop thread: return
 * quickly and never block. An exception thrown here is swallowed, never reaches the client.
 */
@FunctionalInterface
public interface ServeListener {
    void served(ServeEvent event);
}
