#!/usr/bin/env bash
# sem_rede COMANDO...: roda COMANDO sem internet, num espaço de rede novo que
# só tem a interface local (lo, 127.0.0.1: o JupyterLab e o kernel conversam
# por ela), como um aluno offline. Precisa de root (unshare -n) e do "ip"
# (iproute2); sem eles, roda com a rede que houver e avisa.
# Uso: source scripts/sem-rede.sh; sem_rede comando args...
sem_rede() {
	if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null && command -v ip >/dev/null &&
		unshare -n true 2>/dev/null; then
		echo "(sem rede: unshare -n, só a interface local)"
		unshare -n sh -c 'ip link set lo up && exec "$@"' sem-rede "$@"
	else
		echo "(aviso: rodando COM a rede que houver — sem root, unshare ou ip (iproute2) não dá para cortá-la)"
		"$@"
	fi
}
