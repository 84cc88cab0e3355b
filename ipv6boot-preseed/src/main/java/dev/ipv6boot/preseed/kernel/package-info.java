/**
 * Linux kernel command lines for installers: {@link dev.ipv6boot.preseed.kernel.KernelCommandLine} builds and
 * parses them (Linux's quoting rules, what iPXE's word splitting allows) and checks them the way d-i reads its
 * boot parameters ({@code question=value} and aliases such as {@code hostname=}), with the arguments that make
 * d-i ({@code preseed/url=}, {@code netcfg/*}) and Subiquity ({@code autoinstall ds=nocloud-net;s=…}) find
 * their answers over IPv6.
 */
package dev.ipv6boot.preseed.kernel;
