/**
 * iPXE scripts, Debian/Ubuntu preseed and autoinstall answers rendered per machine: not yet implemented, see the module README.
 */
package dev.ipv6boot.preseed;
