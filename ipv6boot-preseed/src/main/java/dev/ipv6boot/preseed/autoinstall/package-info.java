/**
 * Ubuntu autoinstall (Subiquity, Ubuntu 20.04 and later): {@link dev.ipv6boot.preseed.autoinstall.Autoinstall}
 * renders the cloud-init {@code user-data} (a {@code #cloud-config} document with an {@code autoinstall:}
 * section, checked against Subiquity's autoinstall JSON schema in the tests) and {@code meta-data} that the
 * NoCloud data source fetches over HTTP.
 */
package dev.ipv6boot.preseed.autoinstall;
