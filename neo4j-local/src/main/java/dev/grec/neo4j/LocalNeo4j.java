package dev.grec.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Starts Neo4j Community (embedded API) with Bolt on loopback and prints one JSON ready line on stdout:
 * {"ready":true,"boltUri":"bolt://127.0.0.1:PORT","version":"5.26.x","home":"..."}.
 * Everything else goes to stderr. Exits when stdin reaches EOF (the parent died or closed the pipe),
 * on SIGTERM/SIGINT (shutdown hook), so no orphan JVM keeps the store lock.
 *
 * Arguments: --home DIR (required) --port N (0 = any free port) --pagecache SIZE (e.g. 512m)
 *            --tx-memory SIZE --import-dir DIR --conf FILE (extra neo4j.conf-style settings)
 */
public final class LocalNeo4j {
  private LocalNeo4j() {}

  public static void main(String[] argv) {
    Map<String, String> args = parseArgs(argv);
    String home = args.get("home");
    if (home == null) fail("missing --home DIR", 2);
    int port = Integer.parseInt(args.getOrDefault("port", "0"));
    Path homeDir = Path.of(home).toAbsolutePath();

    DatabaseManagementService dbms;
    try {
      Files.createDirectories(homeDir);
      DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(homeDir);
      String conf = args.get("conf");
      if (conf != null) builder.loadPropertiesFromFile(Path.of(conf));
      builder
          .setConfig(BoltConnector.enabled, true)
          .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
          .setConfig(GraphDatabaseSettings.auth_enabled, false)
          .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(args.getOrDefault("pagecache", "512m")))
          .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size,
              ByteUnit.parse(args.getOrDefault("tx-memory", "1g")))
          .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
          .setConfig(GraphDatabaseInternalSettings.dump_diagnostics, false)
          .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
          .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2));
      String importDir = args.get("import-dir");
      if (importDir != null) {
        Path p = Path.of(importDir).toAbsolutePath();
        Files.createDirectories(p);
        builder.setConfig(GraphDatabaseSettings.load_csv_file_url_root, p);
      }
      dbms = builder.build();
    } catch (Throwable t) {
      fail(explain(t, port), 3);
      return;
    }

    CountDownLatch stopped = new CountDownLatch(1);
    final DatabaseManagementService service = dbms;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        service.shutdown();
      } catch (Throwable t) {
        System.err.println("neo4j-local: error during shutdown: " + t);
      }
      stopped.countDown();
    }, "neo4j-local-shutdown"));

    try {
      GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
      db.executeTransactionally("RETURN 1");
      var register = ((GraphDatabaseAPI) db).getDependencyResolver().resolveDependency(ConnectorPortRegister.class);
      var address = register.getLocalAddress(ConnectorType.BOLT);
      String version = org.neo4j.kernel.internal.Version.getNeo4jVersion();
      System.out.println("{\"ready\":true,\"boltUri\":\"bolt://" + address.getHost() + ":" + address.getPort()
          + "\",\"version\":\"" + version + "\",\"home\":\"" + jsonEscape(homeDir.toString()) + "\",\"pid\":"
          + ProcessHandle.current().pid() + "}");
      System.out.flush();
    } catch (Throwable t) {
      fail(explain(t, port), 4);
    }

    // Die with the parent: when stdin closes, shut down (the hook runs on System.exit).
    Thread watcher = new Thread(() -> {
      try (InputStream in = System.in) {
        byte[] buf = new byte[256];
        while (in.read(buf) >= 0) { /* ignore input */ }
      } catch (IOException ignored) {
        // treat as EOF
      }
      System.err.println("neo4j-local: stdin closed, shutting down");
      System.exit(0);
    }, "neo4j-local-stdin-watch");
    watcher.setDaemon(true);
    watcher.start();

    try {
      stopped.await();
    } catch (InterruptedException ignored) {
      Thread.currentThread().interrupt();
    }
  }

  private static String explain(Throwable t, int port) {
    StringBuilder chain = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) chain.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage()).append(" | ");
    String all = chain.toString();
    if (all.contains("StoreLockException") || all.contains("lock")) {
      return "the store is locked by another Neo4j process (is another instance using the same --home?): " + all;
    }
    if (all.contains("BindException") || all.contains("Address already in use") || all.contains("PortBindException")) {
      return "the Bolt port " + port + " is already in use on 127.0.0.1: " + all;
    }
    return "Neo4j failed to start: " + all;
  }

  private static void fail(String message, int code) {
    System.out.println("{\"ready\":false,\"error\":\"" + jsonEscape(message) + "\"}");
    System.out.flush();
    System.err.println("neo4j-local: " + message);
    System.exit(code);
  }

  private static String jsonEscape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ").replace("\r", " ");
  }

  private static Map<String, String> parseArgs(String[] argv) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < argv.length; i++) {
      String a = argv[i];
      if (!a.startsWith("--") || i + 1 >= argv.length) fail("bad argument '" + a + "' (expected --name value pairs)", 2);
      out.put(a.substring(2), argv[++i]);
    }
    return out;
  }
}
