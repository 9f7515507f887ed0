package io.hotswap.runtime.jar;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.module.InvalidModuleDescriptorException;
import java.lang.module.ModuleDescriptor;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the module of one jar held in memory the way the JDK's module path reads a jar file: a
 * multi-release jar seen as the running JDK sees it, then its {@code module-info.class}, or, for a
 * plain jar allowed to be one, the automatic module the JDK derives (named by
 * {@code Automatic-Module-Name}, else after the file; its version from the file name; its
 * services from {@code META-INF/services}).
 */
final class ModuleJars {

    /** A jar's module and its entries as the running JDK sees them. */
    record Read(ModuleDescriptor descriptor, JarEntries entries) {
    }

    private static final String MODULE_INFO = "module-info.class";
    private static final String SERVICES = "META-INF/services/";
    private static final Attributes.Name MULTI_RELEASE = new Attributes.Name("Multi-Release");
    private static final Attributes.Name AUTOMATIC_MODULE_NAME = new Attributes.Name("Automatic-Module-Name");
    // The JDK's own rules (jdk.internal.module.ModulePath): the version starts at the first
    // "-<digit>"; what is not a letter or digit becomes a dot, dots do not repeat nor lead nor trail.
    private static final Pattern DASH_VERSION = Pattern.compile("-(\\d+(\\.|$))");
    private static final Pattern NON_ALPHANUM = Pattern.compile("[^A-Za-z0-9]");
    private static final Pattern REPEATING_DOTS = Pattern.compile("(\\.)(\\1)+");
    private static final int RELEASE = Runtime.version().feature();

    private ModuleJars() {
    }

    /**
     * @param raw           the jar's entries as stored
     * @param automaticFile the jar's file name if it may be an automatic module (a library), or
     *                      {@code null} if it must be an explicit one (a plugin)
     * @throws JarReadException if the jar's manifest or descriptor is invalid, or it has no
     *         descriptor and may not be automatic
     */
    static Read read(JarEntries raw, String automaticFile) {
        Manifest manifest = manifest(raw);
        boolean multiRelease = manifest != null
                && "true".equalsIgnoreCase(manifest.getMainAttributes().getValue(MULTI_RELEASE));
        JarEntries entries = multiRelease ? raw.versioned(RELEASE) : raw;
        byte[] moduleInfo = entries.get(MODULE_INFO);
        if (moduleInfo != null) {
            try {
                return new Read(ModuleDescriptor.read(ByteBuffer.wrap(moduleInfo), () -> packages(entries.names())), entries);
            } catch (InvalidModuleDescriptorException e) {
                throw new JarReadException(raw.where(), "has an invalid module-info.class", e);
            }
        }
        if (automaticFile == null) {
            throw new JarReadException(raw.where(), "has no module-info.class: a plugin must be an explicit module,"
                    + " not an automatic one", null);
        }
        return new Read(automatic(raw.where(), automaticFile, manifest, entries), entries);
    }

    private static Manifest manifest(JarEntries entries) {
        byte[] bytes = entries.get(JarFile.MANIFEST_NAME);
        if (bytes == null) {
            return null;
        }
        try {
            return new Manifest(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new JarReadException(entries.where(), "has a manifest that cannot be read", e);
        }
    }

    private static ModuleDescriptor automatic(String where, String fileName, Manifest manifest, JarEntries entries) {
        String base = fileName.substring(0, fileName.length() - ".jar".length());
        String version = null;
        Matcher m = DASH_VERSION.matcher(base);
        if (m.find()) {
            version = base.substring(m.start() + 1);
            base = base.substring(0, m.start());
        }
        String declared = manifest == null ? null : manifest.getMainAttributes().getValue(AUTOMATIC_MODULE_NAME);
        String name = declared != null ? declared.trim() : cleanName(base);
        ModuleDescriptor.Builder builder;
        try {
            builder = ModuleDescriptor.newAutomaticModule(name);
        } catch (IllegalArgumentException e) {
            throw new JarReadException(where, "has no module-info.class and '" + name + "' (from "
                    + (declared != null ? "its Automatic-Module-Name" : "its file name") + ") is not a module name", null);
        }
        if (version != null) {
            try {
                builder.version(version);
            } catch (IllegalArgumentException e) {
                // The JDK ignores a file-name version it cannot parse; so does this.
            }
        }
        Set<String> packages = packages(entries.names());
        Map<String, List<String>> services = services(where, entries, packages);
        // The builder checks every name (a keyword as a package, a service file named with a
        // character no class name has): its refusal is the jar's fault, not a bug (a fuzz finding).
        try {
            builder.packages(packages);
            services.forEach(builder::provides);
            return builder.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new JarReadException(where, "cannot be an automatic module", e);
        }
    }

    private static String cleanName(String name) {
        String mn = NON_ALPHANUM.matcher(name).replaceAll(".");
        mn = REPEATING_DOTS.matcher(mn).replaceAll(".");
        int from = 0;
        int to = mn.length();
        while (from < to && mn.charAt(from) == '.') {
            from++;
        }
        while (to > from && mn.charAt(to - 1) == '.') {
            to--;
        }
        return mn.substring(from, to);
    }

    /** {@code META-INF/services/<service>}: its providers in the module's packages, as the JDK keeps them. */
    private static Map<String, List<String>> services(String where, JarEntries entries, Set<String> packages) {
        Map<String, List<String>> services = new TreeMap<>();
        for (String name : entries.names()) {
            if (!name.startsWith(SERVICES) || name.length() == SERVICES.length() || name.indexOf('/', SERVICES.length()) >= 0) {
                continue;
            }
            List<String> providers = new ArrayList<>();
            for (String line : new String(entries.get(name), StandardCharsets.UTF_8).split("\n")) {
                int hash = line.indexOf('#');
                String provider = (hash >= 0 ? line.substring(0, hash) : line).trim();
                int dot = provider.lastIndexOf('.');
                if (!provider.isEmpty() && dot > 0 && packages.contains(provider.substring(0, dot))
                        && !providers.contains(provider)) {
                    providers.add(provider);
                }
            }
            if (!providers.isEmpty()) {
                services.put(name.substring(SERVICES.length()), providers);
            }
        }
        return services;
    }

    /** The packages of the class files, outside {@code META-INF/}, whose folder is a legal package name. */
    static Set<String> packages(Set<String> names) {
        Set<String> packages = new HashSet<>();
        for (String name : names) {
            int slash = name.lastIndexOf('/');
            if (name.endsWith(".class") && slash > 0 && !name.startsWith("META-INF/")) {
                String pn = name.substring(0, slash).replace('/', '.');
                if (isPackageName(pn)) {
                    packages.add(pn);
                }
            }
        }
        return packages;
    }

    private static boolean isPackageName(String pn) {
        for (String part : pn.split("\\.", -1)) {
            if (part.isEmpty() || !Character.isJavaIdentifierStart(part.codePointAt(0))
                    || !part.codePoints().allMatch(Character::isJavaIdentifierPart)) {
                return false;
            }
        }
        return true;
    }
}
