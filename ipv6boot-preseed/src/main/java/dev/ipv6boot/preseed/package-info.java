/**
 * Per-machine boot files: a {@link dev.ipv6boot.preseed.BootProfile} (installer, kernel, initrd, answers) and a
 * {@link dev.ipv6boot.preseed.Machine} (MAC, host name, overrides) render the iPXE script, the d-i preseed or the
 * Subiquity autoinstall files, and the kernel command line that makes the installer find them over IPv6;
 * {@link dev.ipv6boot.preseed.BootCheck} validates existing scripts and preseed files together. The iPXE, d-i,
 * kernel and autoinstall models live in the sub-packages; problems are reported with
 * {@link dev.ipv6boot.preseed.validation.Validation}.
 */
package dev.ipv6boot.preseed;
