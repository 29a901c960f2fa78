package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;

import vn.gov.prefill.PrefillGatewayApplication;

/** A broken binding, route or source stops the gateway at start, naming the file and the place. */
class StartupChecksIT {

    @TempDir
    Path dir;

    static Throwable startFailure(String... properties) {
        try {
            String[] args = new String[properties.length + 3];
            args[0] = "--server.port=0";
            args[1] = "--gateway.mocks.port=0";
            args[2] = "--spring.datasource.url=jdbc:h2:mem:startup-" + System.nanoTime();
            for (int i = 0; i < properties.length; i++) {
                args[i + 3] = "--" + properties[i];
            }
            // command-line arguments, so that they override application.yml
            new SpringApplicationBuilder(PrefillGatewayApplication.class).run(args).close();
        } catch (Throwable e) {
            return NestedExceptionUtils.getMostSpecificCause(e);
        }
        throw new AssertionError("the gateway started");
    }

    void copyRoutesExceptPopulation() throws Exception {
        for (String folder : new String[] {"routes/shared", "routes/templates", "routes/sources"}) {
            try (var files = Files.list(Path.of(folder))) {
                for (Path f : files.filter(f -> !f.getFileName().toString().equals("population.yaml")).toList()) {
                    Files.copy(f, dir.resolve(f.getFileName()));
                }
            }
        }
    }

    @Test
    void aBindingToAPathTheSourceLacksStopsStartWithFileAndPointer() throws Exception {
        String form = Files.readString(Path.of("schemas/forms/criminal-record-request.schema.json"))
                .replace("\"/NgayThangNamSinh/NgayThangNam\"", "\"/NgaySinh\"");
        Files.writeString(dir.resolve("criminal-record-request.schema.json"), form);

        Throwable cause = startFailure("gateway.paths.forms=" + dir);

        assertThat(cause.getMessage())
                .contains(dir.resolve("criminal-record-request.schema.json").toString())
                .contains("/properties/applicant/properties/dateOfBirth/x-prefill/path")
                .contains("'/NgaySinh' is not in schemas/sources/population.schema.json");
    }

    @Test
    void aRouteFileWithAnUnknownStepStopsStartNamingTheFile() throws Exception {
        copyRoutesExceptPopulation();
        // population.yaml is a templatedRoute (routes/templates/soap.yaml holds its steps): add a route written by hand
        Files.writeString(dir.resolve("population.yaml"), Files.readString(Path.of("routes/sources/population.yaml"))
                + "\n- route:\n    from:\n      uri: direct:population-by-hand\n      steps:\n        - setBodyy:\n            constant: x\n");

        Throwable cause = startFailure("camel.main.routes-include-pattern=file:" + dir + "/*.yaml");

        assertThat(cause.getMessage()).contains("population.yaml").contains("setBodyy");
    }

    @Test
    void aSourceWhoseRouteIsMissingStopsStart() throws Exception {
        copyRoutesExceptPopulation();

        Throwable cause = startFailure("camel.main.routes-include-pattern=file:" + dir + "/*.yaml");

        assertThat(cause.getMessage()).contains("population.schema.json: /x-source/route")
                .contains("direct:source-population");
    }

    @Test
    void aSourceWithoutBaseUrlStopsStartNamingTheKey() {
        assertThatThrownBy(() -> {
            throw startFailure("gateway.sources.business.base-url=");
        }).hasMessageContaining("gateway.sources.business.base-url");
    }
}
