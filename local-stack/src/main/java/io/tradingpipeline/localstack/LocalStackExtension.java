package io.tradingpipeline.localstack;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that injects a {@link LocalStack} into constructors, lifecycle and test methods.
 * All test classes of a JVM share ONE stack, started on first use and stopped when the test run ends, so
 * tests must clean up their own data (truncate tables, use unique topics).
 *
 * <pre>{@code
 * @ExtendWith(LocalStackExtension.class)
 * class MyIT {
 *     @Test
 *     void writes(LocalStack stack) { ... }
 * }
 * }</pre>
 */
public final class LocalStackExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalStackExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        try {
            return extensionContext.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(SharedStack.class, key -> new SharedStack(), SharedStack.class)
                    .get();
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("the local stack did not start: " + e.getMessage(), e);
        }
    }

    /** Starts the stack once; a failed start is remembered so that later test classes fail fast. */
    private static final class SharedStack implements ExtensionContext.Store.CloseableResource {

        private LocalStack stack;
        private RuntimeException failure;

        synchronized LocalStack get() {
            if (stack == null && failure == null) {
                try {
                    stack = LocalStack.start();
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw failure;
            }
            return stack;
        }

        @Override
        public synchronized void close() {
            if (stack != null) {
                stack.close();
            }
        }
    }
}
