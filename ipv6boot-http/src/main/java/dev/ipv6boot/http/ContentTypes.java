package dev.ipv6boot.http;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Content-Type by file-name extension. The defaults cover what boot clients fetch: {@code application/efi}
 * for UEFI binaries (EDK2 HTTP Boot checks it), iPXE scripts and installer answers as UTF-8 text, ISO and
 * disk images, compressed initrds. Immutable; {@link #with(String, String)} returns a copy.
 */
public final class ContentTypes {
    /** For names without a known extension ({@code vmlinuz}, {@code linux}): bytes, no interpretation. */
    public static final String OCTET_STREAM = "application/octet-stream";
    private static final String TEXT = "text/plain; charset=utf-8";

    private final Map<String, String> byExtension;

    private ContentTypes(Map<String, String> byExtension) {
        this.byExtension = Map.copyOf(byExtension);
    }

    /** The boot-oriented defaults. */
    public static ContentTypes defaults() {
        Map<String, String> map = new HashMap<>();
        map.put("efi", "application/efi");
        map.put("ipxe", TEXT);
        map.put("cfg", TEXT);
        map.put("txt", TEXT);
        map.put("seed", TEXT);
        map.put("conf", TEXT);
        map.put("sh", TEXT);
        map.put("yaml", "application/yaml");
        map.put("yml", "application/yaml");
        map.put("json", "application/json");
        map.put("html", "text/html; charset=utf-8");
        map.put("xml", "application/xml");
        map.put("iso", "application/x-iso9660-image");
        map.put("img", OCTET_STREAM);
        map.put("qcow2", OCTET_STREAM);
        map.put("squashfs", OCTET_STREAM);
        map.put("kpxe", OCTET_STREAM);
        map.put("pxe", OCTET_STREAM);
        map.put("gz", "application/gzip");
        map.put("xz", "application/x-xz");
        map.put("zst", "application/zstd");
        map.put("tar", "application/x-tar");
        map.put("sig", "application/pgp-signature");
        map.put("asc", "application/pgp-signature");
        return new ContentTypes(map);
    }

    /** A copy mapping {@code extension} (without dot, any case) to {@code contentType}. */
    public ContentTypes with(String extension, String contentType) {
        Map<String, String> copy = new HashMap<>(byExtension);
        copy.put(extension.toLowerCase(Locale.ROOT), contentType);
        return new ContentTypes(copy);
    }

    /** The type for {@code fileName}, {@link #OCTET_STREAM} when its extension is unknown. */
    public String forName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        int slash = fileName.lastIndexOf('/');
        if (dot <= slash + 1) {
            return OCTET_STREAM;
        }
        String type = byExtension.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
        return type == null ? OCTET_STREAM : type;
    }
}
