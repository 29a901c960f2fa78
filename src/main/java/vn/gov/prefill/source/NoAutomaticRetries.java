package vn.gov.prefill.source;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.springframework.stereotype.Component;

/**
 * Apache HttpClient retries 429 and 503 by itself, waiting for {@code Retry-After}: inside a prefill's
 * deadline that is never right. Every registry call is made once (the NDXP 401 refresh-and-retry is
 * the gateway's own, explicit). Wired as {@code camel.component.http.http-client-configurer}.
 */
@Component("noAutomaticRetries")
public class NoAutomaticRetries implements HttpClientConfigurer {

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        builder.disableAutomaticRetries();
    }
}
