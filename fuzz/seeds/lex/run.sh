run.sh
#!/bin/bash
set -euo pipefail
for f in "$@"; do echo "${f%.py}" $(( 1 + 2 )); done
cat <<EOT > out.txt
hola $USER
EOT
awk '{print $1}' 'x' | sort -u
