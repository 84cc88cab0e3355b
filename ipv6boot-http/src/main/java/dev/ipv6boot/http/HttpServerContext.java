package dev.ipv6boot.http;

import java.util.List;
import java.util.concurrent.Executor;

/** What every connection of one {@link ArtifactServer} shares; immutable but for the counters and admission. */
record HttpServerContext(ArtifactRoot root, FileCache files, ContentTypes contentTypes, List<Route> routes,
                         List<ServeListener> listeners, Counters<HttpCounter> counters, Admission admission,
                         HttpLimits limits, Executor handlerExecutor, Executor fileExecutor) {

    record Route(PathPattern pattern, DynamicHandler handler) {
    }

    void notify(ServeEvent event) {
        for (ServeListener listener : listeners) {
            try {
                listener.served(event);
            } catch (RuntimeException ignored) {
                // A listener's bug must not break serving (ServeListener's contract).
            }
        }
    }
}
