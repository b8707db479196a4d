#!/usr/bin/env bash
# Downloads and unpacks the Vosk models the CRM uses, into this directory (or the one given).
# Needs access to the Vosk project's model host; the CRM's build machines have none.
#   asr-models/download.sh            # both models
#   asr-models/download.sh ru         # only vosk-model-small-ru-0.22
set -euo pipefail
cd "$(dirname "$0")"

BASE_URL="${VOSK_MODELS_URL:-https://alphacephei.com/vosk/models}"
declare -A MODELS=(
  [ru]=vosk-model-small-ru-0.22
  [en]=vosk-model-small-en-us-0.15
)

if [ "$#" -eq 0 ]; then wanted=(ru en); else wanted=("$@"); fi

for lang in "${wanted[@]}"; do
  name="${MODELS[$lang]:?unknown language $lang (ru or en)}"
  if [ -d "$name" ]; then
    echo "$name: already here"
    continue
  fi
  echo "$name: downloading"
  curl -fL --retry 3 -o "$name.zip" "$BASE_URL/$name.zip"
  unzip -q "$name.zip"
  rm "$name.zip"
  test -d "$name/am" || { echo "$name: unpacked, but has no am/ directory" >&2; exit 1; }
  echo "$name: ready"
done
