// Git repositories for tests, built with the git CLI: dated commits, clones, bare mirrors.
#pragma once

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

namespace huella::test {

inline std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs `git ARGS` in `folder` with author and committer dated `date` (ISO 8601, UTC).
inline void git(const std::filesystem::path& folder, const std::string& args,
                const std::string& date = "2026-01-01T00:00:00Z") {
  const std::string command =
      "cd " + quoted(folder.string()) + " && GIT_AUTHOR_DATE=" + date + " GIT_COMMITTER_DATE=" + date +
      " GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org GIT_COMMITTER_NAME=t"
      " GIT_COMMITTER_EMAIL=t@example.org GIT_CONFIG_NOSYSTEM=1 HOME=/nonexistent"
      " git -c init.defaultBranch=main -c commit.gpgsign=false " + args + " >/dev/null 2>&1";
  REQUIRE_MESSAGE(std::system(command.c_str()) == 0, command);
}

// A working repository whose commits write files (path → content; empty content removes).
class GitRepo {
 public:
  explicit GitRepo(std::filesystem::path folder) : folder_(std::move(folder)) {
    std::filesystem::create_directories(folder_);
    git(folder_, "init -q");
  }
  // A clone of `origin` (a fork of it) at `folder`.
  GitRepo(const GitRepo& origin, std::filesystem::path folder) : folder_(std::move(folder)) {
    git(origin.folder_.parent_path(), "clone -q " + quoted(origin.folder_.string()) + " " + quoted(folder_.string()));
  }

  void commit(const std::map<std::string, std::string>& files, const std::string& date,
              const std::string& message = "work") const {
    for (const auto& [path, content] : files) {
      const auto full = folder_ / path;
      if (content.empty()) {
        std::filesystem::remove(full);
        continue;
      }
      std::filesystem::create_directories(full.parent_path());
      std::ofstream(full, std::ios::binary) << content;
    }
    git(folder_, "add -A");
    git(folder_, "commit -q -m " + quoted(message), date);
  }

  // A bare mirror of this repository at `folder`, as a server would hold it.
  void mirror_to(const std::filesystem::path& folder) const {
    git(folder_.parent_path(), "clone -q --bare " + quoted(folder_.string()) + " " + quoted(folder.string()));
  }

  const std::filesystem::path& path() const { return folder_; }

 private:
  std::filesystem::path folder_;
};

// Five unrelated Python programs (0 to 4), as five students would write them.
inline std::string python_program(unsigned which) {
  static const char* const programs[] = {
      R"(from kafka import KafkaProducer
import json, time, requests
URL = 'https://earthquake.usgs.gov/earthquakes/feed/v1.0/summary/all_hour.geojson'
def enviar(productor, sismos):
    for s in sismos['features']:
        props = s['properties']
        if props['mag'] is not None and props['mag'] >= 4.5:
            productor.send('sismos', {'id': s['id'], 'mag': props['mag'], 'lugar': props['place']})
    productor.flush()
def main():
    productor = KafkaProducer(bootstrap_servers='localhost:9092',
                              value_serializer=lambda v: json.dumps(v).encode('utf-8'))
    while True:
        datos = requests.get(URL, timeout=10).json()
        enviar(productor, datos)
        time.sleep(60)
if __name__ == '__main__':
    main()
)",
      R"(import boto3
import os
s3 = boto3.client('s3', endpoint_url=os.environ.get('AWS_ENDPOINT', 'http://localhost:4566'))
def handler(event, context):
    registros = event.get('Records', [])
    guardados = 0
    for registro in registros:
        cuerpo = registro['body']
        clave = 'alertas/' + registro['messageId'] + '.json'
        try:
            s3.put_object(Bucket='alertas-bucket', Key=clave, Body=cuerpo)
            guardados += 1
        except Exception as error:
            print('fallo al guardar', clave, error)
    return {'statusCode': 200, 'guardados': guardados}
)",
      R"(import pandas as pd
class Limpiador:
    def __init__(self, ruta):
        self.tabla = pd.read_csv(ruta, sep=';')
    def quitar_nulos(self):
        self.tabla = self.tabla.dropna(subset=['precio', 'fecha'])
        return self
    def por_mes(self):
        self.tabla['mes'] = pd.to_datetime(self.tabla['fecha']).dt.month
        return self.tabla.groupby('mes')['precio'].agg(['mean', 'max', 'count'])
resumen = Limpiador('ventas.csv').quitar_nulos().por_mes()
with open('resumen.txt', 'w') as salida:
    salida.write(resumen.to_string())
)",
      R"(import asyncio
from aiokafka import AIOKafkaConsumer
UMBRALES = {'temperatura': 35.0, 'humedad': 90}
async def vigilar():
    consumidor = AIOKafkaConsumer('sensores', bootstrap_servers='kafka:9092', group_id='alertas')
    await consumidor.start()
    try:
        async for mensaje in consumidor:
            lectura = mensaje.value
            excedidos = [k for k, limite in UMBRALES.items() if lectura.get(k, 0) > limite]
            if excedidos:
                print(f"alerta en {lectura['sensor']}: {', '.join(excedidos)}")
    finally:
        await consumidor.stop()
asyncio.run(vigilar())
)",
      R"(from flask import Flask, jsonify, request
app = Flask(__name__)
tareas = []
@app.route('/tareas', methods=['GET'])
def listar():
    pendientes = sorted((t for t in tareas if not t['hecha']), key=lambda t: t['prioridad'])
    return jsonify(pendientes)
@app.route('/tareas', methods=['POST'])
def crear():
    datos = request.get_json(force=True)
    if 'titulo' not in datos:
        return jsonify({'error': 'falta el titulo'}), 400
    tarea = {'id': len(tareas) + 1, 'titulo': datos['titulo'], 'hecha': False,
             'prioridad': int(datos.get('prioridad', 3))}
    tareas.append(tarea)
    return jsonify(tarea), 201
)",
  };
  return programs[which % 5];
}

}  // namespace huella::test
