package vn.gov.prefill;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

import vn.gov.prefill.config.GatewayProperties;

@SpringBootApplication
@EnableConfigurationProperties(GatewayProperties.class)
public class PrefillGatewayApplication {
    public static void main(String[] args) {
        SpringApplication.run(PrefillGatewayApplication.class, args);
    }
}
