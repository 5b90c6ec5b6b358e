package dev.podbgp.lab;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Gives each test method a fresh {@link Lab} (as a parameter) and closes it after the test,
 * whether it passed or failed. A failure gets the lab's {@link Lab#report()} (topology, peer
 * state, log tails) attached as a suppressed {@link LabReport}. With {@code PODBGP_LAB_KEEP=1}
 * a failed test's lab is kept running and its names are printed.
 */
public final class LabExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver,
        TestExecutionExceptionHandler {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LabExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NS).put("lab", Lab.create());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Lab lab = context.getStore(NS).remove("lab", Lab.class);
        if (lab == null) {
            return;
        }
        if (context.getExecutionException().isPresent() && Lab.keepRequested()) {
            System.err.println(lab.keep());
            return;
        }
        lab.close();
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        Lab lab = context.getStore(NS).get("lab", Lab.class);
        if (lab != null) {
            throwable.addSuppressed(new LabReport(lab.report()));
        }
        throw throwable;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Lab.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NS).get("lab", Lab.class);
    }
}
