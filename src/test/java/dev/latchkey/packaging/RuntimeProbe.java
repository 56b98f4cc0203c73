package dev.latchkey.packaging;

import dev.latchkey.chain.EvmClient;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Runs on the installed app's bundled runtime (InstallerSmokeIT) with the installed jars on the class path: asks
 * the JSON-RPC server at {@code args[0]} for the latest block through the app's own {@link EvmClient}, and reports
 * what a public HTTPS endpoint needs from the runtime (TLS 1.3, ECDHE key exchange, the default trust anchors).
 */
public final class RuntimeProbe {

    private RuntimeProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (EvmClient client = new EvmClient(args[0])) {
            System.out.println("block=" + client.blockNumber());
        }
        SSLContext tls = SSLContext.getDefault();
        List<String> protocols = Arrays.asList(tls.getSupportedSSLParameters().getProtocols());
        boolean ecdhe = Arrays.stream(tls.getDefaultSSLParameters().getCipherSuites())
                .anyMatch(suite -> suite.startsWith("TLS_ECDHE_"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init((KeyStore) null);
        int anchors = Arrays.stream(trust.getTrustManagers())
                .filter(X509TrustManager.class::isInstance)
                .mapToInt(tm -> ((X509TrustManager) tm).getAcceptedIssuers().length)
                .sum();
        System.out.println("tls13=" + protocols.contains("TLSv1.3") + " ecdhe=" + ecdhe + " trustAnchors=" + anchors);
        System.out.println("java.home=" + System.getProperty("java.home"));
    }
}
