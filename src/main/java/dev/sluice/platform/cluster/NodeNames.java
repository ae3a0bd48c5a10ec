package dev.sluice.platform.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A node's name: {@code sluice.node.name} when set (one per server of a cluster, kept across its
 * restarts), else the host's name and the server's, so two servers on one host differ.
 */
final class NodeNames {

  private NodeNames() {}

  /** The registry keeps names of up to this many characters. */
  static final int MAX_LENGTH = 200;

  static String of(String configured) {
    String name;
    if (configured != null && !configured.isBlank()) {
      name = configured.strip();
    } else {
      String server = System.getProperty("wlp.server.name", System.getProperty("jboss.node.name"));
      name = host() + "/" + (server == null ? "sluice" : server);
    }
    return name.length() <= MAX_LENGTH ? name : name.substring(0, MAX_LENGTH);
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
