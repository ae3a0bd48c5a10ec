package dev.sluice.documents.batch.socket;

import dev.sluice.platform.security.SocketHandshake;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Set;

/**
 * Deploys {@link BatchSocket} at {@value BatchSocket#PATH}; the container finds this class in the
 * WAR. Annotated endpoints, should there be any, deploy as usual.
 */
public class BatchSocketConfig implements ServerApplicationConfig {

  @Override
  public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
    return Set.of(
        ServerEndpointConfig.Builder.create(BatchSocket.class, BatchSocket.PATH)
            .configurator(new SocketHandshake())
            .build());
  }

  @Override
  public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
    return scanned;
  }
}
