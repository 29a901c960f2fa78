package vn.gov.prefill.audit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.gov.prefill.config.StartupCheckException;

/**
 * Checkpoints of the chain outside the database, on with {@code gateway.audit.checkpoint.directory}:
 * signed with {@code gateway.audit.checkpoint.key}, every {@code .every} or {@code .records} records,
 * one sequence per node ({@code gateway.audit.node-id}, default the host name).
 */
@Configuration
@ConditionalOnProperty("gateway.audit.checkpoint.directory")
class CheckpointConfig {

    @Bean
    Checkpoints checkpoints(@Value("${gateway.audit.checkpoint.directory}") Path directory,
                            @Value("${gateway.audit.checkpoint.key:}") String key) {
        return new Checkpoints(directory, new CheckpointKey(key));
    }

    @Bean
    CheckpointWriter checkpointWriter(DataSource dataSource, Checkpoints checkpoints,
                                      @Value("${gateway.audit.node-id:}") String node,
                                      @Value("${gateway.audit.checkpoint.every:5m}") Duration every,
                                      @Value("${gateway.audit.checkpoint.records:1000}") long records,
                                      @Value("${gateway.audit.checkpoint.poll:1s}") Duration poll) {
        CheckpointWriter writer = new CheckpointWriter(dataSource, checkpoints, nodeId(node), every, records);
        writer.start(poll);
        return writer;
    }

    static String nodeId(String configured) {
        String node = configured;
        if (node == null || node.isBlank()) {
            try {
                node = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                node = "node";
            }
        }
        if (!node.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
            throw new StartupCheckException("gateway.audit.node-id: '" + node + "' is not a node id (letters, digits, . _ -, at most 63)");
        }
        return node;
    }
}
