// The capture benchmark's floor: a plain C walk of a little-endian pcap with the same VXLAN/ICMP decode
// (outer Ethernet/IPv4 with IHL, UDP 4789, I flag, VNI, inner Ethernet/IPv4 with IHL, ICMP type),
// counting echo requests and replies of one pair in one VNI. No bounds beyond what the decode needs.
// usage: c_floor FILE VNI CLIENT_HEX SERVER_HEX   (addresses as 0x0a00010a)
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static inline uint16_t be16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }
static inline uint32_t be32(const uint8_t *p) { return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]; }

int main(int argc, char **argv) {
    if (argc != 5) { fprintf(stderr, "usage: c_floor FILE VNI CLIENT_HEX SERVER_HEX\n"); return 64; }
    int fd = open(argv[1], O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) { perror(argv[1]); return 1; }
    const uint8_t *base = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (base == MAP_FAILED) { perror("mmap"); return 1; }
    uint32_t vni = (uint32_t)strtoul(argv[2], NULL, 0);
    uint32_t client = (uint32_t)strtoul(argv[3], NULL, 0), server = (uint32_t)strtoul(argv[4], NULL, 0);
    size_t off = 24, size = (size_t)st.st_size;
    uint64_t packets = 0, requests = 0, replies = 0;
    while (off + 16 <= size) {
        uint32_t caplen = *(const uint32_t *)(base + off + 8);
        const uint8_t *p = base + off + 16;
        off += 16 + caplen;
        if (off > size) break;
        packets++;
        if (caplen < 14 + 20 || be16(p + 12) != 0x0800) continue;
        const uint8_t *ip = p + 14;
        size_t ihl = (ip[0] & 15) * 4;
        if (ip[9] != 17 || (be16(ip + 6) & 0x1fff) != 0) continue;
        const uint8_t *udp = ip + ihl;
        if ((size_t)(udp - p) + 8 + 8 + 14 + 20 > caplen || be16(udp + 2) != 4789) continue;
        const uint8_t *vx = udp + 8;
        if (!(vx[0] & 8) || (be32(vx + 4) >> 8) != vni) continue;
        const uint8_t *in = vx + 8;
        if (be16(in + 12) != 0x0800) continue;
        const uint8_t *iip = in + 14;
        if (iip[9] != 1) continue;
        size_t iihl = (iip[0] & 15) * 4;
        if ((size_t)(iip - p) + iihl + 1 > caplen) continue;
        uint32_t s = be32(iip + 12), d = be32(iip + 16);
        uint8_t type = iip[iihl];
        if (type == 8 && s == client && d == server) requests++;
        else if (type == 0 && s == server && d == client) replies++;
    }
    printf("%llu packets, %llu echo requests, %llu echo replies\n", (unsigned long long)packets,
           (unsigned long long)requests, (unsigned long long)replies);
    return 0;
}
