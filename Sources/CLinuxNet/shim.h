// Linux networking headers that Glibc's Swift module does not surface (ETH_P_ALL, sockaddr_ll, sock_fprog,
// ICMP_ECHO). Header-only: nothing is linked (see ../shared/reference/dependencies.md §f).
#include <sys/socket.h>
#include <sys/mman.h>
#include <netpacket/packet.h>
#include <net/if.h>
#include <linux/if_ether.h>
#include <linux/filter.h>
#include <netinet/in.h>
#include <netinet/ip_icmp.h>
#include <arpa/inet.h>
#include <poll.h>
#include <sys/syscall.h>
#include <unistd.h>

// setns(2) for network namespaces: glibc declares it only under _GNU_SOURCE, which Swift's Glibc module lacks.
static inline int clinuxnet_enter_network_namespace(int fd) { return (int)syscall(SYS_setns, fd, 0x40000000); }
