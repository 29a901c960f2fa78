package vn.gov.prefill.source;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelSpringBootApplicationListener;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.stereotype.Component;

/**
 * Before the web server opens its port: loads and starts the Camel routes and checks that every
 * source has its route and every templated route's answer convention reads, so that the first prefill is served like the hundredth.
 * Left to itself camel-spring-boot loads and starts the routes on {@link ContextRefreshedEvent},
 * which Spring publishes after the web server has started: the first prefills would reach a Camel
 * context not yet started, and every source would come back UNAVAILABLE.
 */
@Component
class RoutesFirst implements SmartLifecycle {

    /** Before the web server starts (Spring Boot's WebServerStartStopLifecycle: Integer.MAX_VALUE - 2048). */
    static final int PHASE = Integer.MAX_VALUE - 4096;

    private final ApplicationContext context;
    private final CamelSpringBootApplicationListener routes;
    private final RouteCheck check;
    private final ConventionCheck conventions;
    private volatile boolean running;

    // not the CamelContext itself: Spring would start a Lifecycle dependency before this bean, routes not yet loaded
    RoutesFirst(ApplicationContext context, CamelSpringBootApplicationListener routes, RouteCheck check,
                ConventionCheck conventions) {
        this.context = context;
        this.routes = routes;
        this.check = check;
        this.conventions = conventions;
    }

    @Override
    public void start() {
        // camel-spring-boot's own work for the refresh event; when the real event comes, it finds Camel
        // started and leaves it as it is
        routes.onApplicationEvent(new ContextRefreshedEvent(context));
        context.getBean(CamelContext.class).start();
        check.everySourceHasItsRoute();
        conventions.everyConventionReads();
        running = true;
    }

    /** Camel stops itself after the web server (SpringCamelContext's phase). */
    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
