// huella-bench-gen: writes a synthetic cohort of course submissions for benchmarks.
//
// Every submission is a pure function of (seed, index): submissions are written in parallel, and
// a planted copy regenerates its source's file from the source's seed instead of reading it back.
// A renamed copy replays the source's random stream with the copier's vocabulary, so it has the
// same structure under different identifiers.
#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>

#include <CLI/CLI.hpp>
#include <opencv2/imgcodecs.hpp>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "terminal_capture.h"

namespace fs = std::filesystem;

namespace {

// splitmix64: fast, and the same stream on every platform.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  std::uint32_t below(std::uint32_t n) {
    return static_cast<std::uint32_t>(((next() >> 32) * n) >> 32);
  }
  std::uint32_t between(std::uint32_t low, std::uint32_t high) { return low + below(high - low + 1); }
  bool chance(double p) { return static_cast<double>(next() >> 11) * 0x1.0p-53 < p; }
  // Small indices far more often than large ones, as words are used in real text.
  std::uint32_t skewed(std::uint32_t n) { return below(below(n) + 1); }
  std::string_view pick(std::span<const std::string_view> words) {
    return words[below(static_cast<std::uint32_t>(words.size()))];
  }
  std::string_view pick_skewed(std::span<const std::string_view> words) {
    return words[skewed(static_cast<std::uint32_t>(words.size()))];
  }

 private:
  std::uint64_t state_;
};

std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t submission, std::uint64_t stream) {
  Random mixer(seed ^ (submission * 0x100000001b3ull) ^ (stream << 56));
  mixer.next();
  return mixer.next();
}

// Random streams of one submission; file kinds double as streams.
enum Stream : std::uint64_t { kPlanStream = 1, kVocabularyStream, kCopyStream, kImageStream };
enum class FileKind : std::uint64_t { producer = 16, consumer, lambda, terraform, kafka_compose,
                                      localstack_compose, prompts };

constexpr std::string_view kNouns[] = {
    "dato", "mensaje", "evento", "registro", "topico", "cliente", "bucket", "clave", "valor",
    "posicion", "latitud", "longitud", "velocidad", "tiempo", "fecha", "lote", "cola", "tabla",
    "archivo", "ruta", "respuesta", "consulta", "resultado", "total", "contador", "indice",
    "lista", "fila", "columna", "config", "productor", "consumidor", "tema", "payload", "body",
    "record", "item", "batch", "lectura", "sensor", "ciudad", "temperatura", "precio", "usuario",
    "pedido", "estado", "error", "intentos", "limite", "buffer", "offset", "particion", "grupo",
    "url", "endpoint", "sesion", "token", "nombre", "tipo", "orden", "venta", "producto",
    "stock", "alerta", "humedad", "presion", "viento", "muestra", "ventana", "promedio",
    "maximo", "minimo", "suma", "conteo", "stream", "frame", "linea", "texto", "palabra",
    "objeto", "prefijo", "sufijo", "region", "cuenta", "rol", "politica", "funcion", "handler",
};
constexpr std::string_view kQualifiers[] = {
    "nuevo", "actual", "previo", "max", "min", "raw", "parsed", "json", "ok", "tmp", "final",
    "inicial", "local", "remoto", "s3", "kafka", "iss", "api", "total", "medio", "ultimo",
    "primer", "siguiente", "valido", "limpio", "agrupado", "filtrado", "by_id", "str", "dict",
};
constexpr std::string_view kVerbs[] = {
    "procesar", "enviar", "leer", "guardar", "obtener", "calcular", "parsear", "validar",
    "publicar", "consumir", "cargar", "transformar", "filtrar", "agrupar", "serializar",
    "conectar", "crear", "build", "send", "fetch", "handle", "process", "get", "load", "save",
    "parse", "format", "registrar", "actualizar", "borrar", "listar", "esperar", "reintentar",
};
// Attribute and method names of the libraries students call: collapse like any name.
constexpr std::string_view kMethods[] = {
    "get", "append", "items", "keys", "values", "send", "flush", "poll", "commit", "put_object",
    "get_object", "strftime", "isoformat", "split", "strip", "lower", "upper", "join", "encode",
    "decode", "update", "pop", "info", "warning", "error", "debug", "close", "read", "write",
    "extend", "replace", "startswith", "timestamp", "now", "put_item", "send_message", "invoke",
};
// Spanish prose, accents included, most frequent first so that skewed picks look natural.
constexpr std::string_view kProseWords[] = {
    "de", "la", "que", "el", "en", "y", "a", "los", "se", "del", "las", "un", "por", "con", "no",
    "una", "su", "para", "es", "al", "lo", "como", "más", "pero", "sus", "le", "ya", "o", "este",
    "porque", "esta", "entre", "cuando", "muy", "sin", "sobre", "también", "me", "hasta", "hay",
    "donde", "desde", "todo", "nos", "durante", "todos", "uno", "les", "ni", "contra", "otros",
    "ese", "eso", "ante", "ellos", "esto", "antes", "algunos", "unos", "yo", "otro", "otras",
    "otra", "tanto", "esa", "estos", "mucho", "quienes", "nada", "muchos", "cuál", "poco", "ella",
    "estar", "estas", "algunas", "algo", "nosotros", "código", "función", "error", "datos",
    "mensaje", "kafka", "productor", "consumidor", "topico", "lambda", "bucket", "terraform",
    "localstack", "docker", "contenedor", "servicio", "puerto", "variable", "entorno", "archivo",
    "prompt", "respuesta", "modelo", "pregunta", "ejemplo", "versión", "cambio", "prueba",
    "ejecutar", "levantar", "configurar", "instalar", "escribir", "leer", "enviar", "recibir",
    "guardar", "procesar", "calcular", "agregar", "corregir", "entender", "explicar", "usar",
    "necesito", "quiero", "funciona", "falla", "tarda", "devuelve", "muestra", "aparece",
    "pedí", "copié", "modifiqué", "agregué", "probé", "revisé", "ventana", "promedio", "cada",
    "segundos", "minutos", "registro", "partición", "grupo", "offset", "json", "api", "iss",
    "posición", "latitud", "longitud", "velocidad", "temperatura", "ciudad", "sensor", "lote",
    "mejor", "peor", "primero", "después", "luego", "finalmente", "igual", "distinto", "nuevo",
    "simple", "completo", "correcto", "raro", "claro", "rápido", "lento", "bien", "mal", "solo",
};
constexpr std::string_view kExceptions[] = {
    "Exception", "ValueError", "KeyError", "TypeError", "json.JSONDecodeError", "KafkaError",
    "ConnectionError", "TimeoutError", "OSError", "ClientError",
};
constexpr std::string_view kBuiltinCalls[] = {
    "len", "int", "float", "str", "round", "sorted", "sum", "min", "max", "list", "dict", "abs",
    "bool", "set", "tuple", "enumerate", "zip",
};

// Every submission starts its Python files with this: boilerplate the frequency cut drops.
constexpr std::string_view kPythonHeader =
    "import json\n"
    "import os\n"
    "import sys\n"
    "import time\n"
    "import logging\n"
    "from datetime import datetime, timezone\n"
    "\n"
    "import boto3\n"
    "from kafka import KafkaConsumer, KafkaProducer\n"
    "from kafka.errors import KafkaError\n";
constexpr std::string_view kLoggingSetup =
    "\n"
    "logging.basicConfig(level=logging.INFO, format=\"%(asctime)s %(levelname)s %(message)s\")\n"
    "logger = logging.getLogger(__name__)\n\n";
constexpr std::string_view kExtraImports[] = {
    "import random\n", "import uuid\n", "import csv\n", "import re\n", "import math\n",
    "import signal\n", "from collections import defaultdict, Counter\n",
    "from typing import Any, Dict, List, Optional\n", "import requests\n",
    "import urllib.request\n", "from dataclasses import dataclass\n", "import statistics\n",
};

// The provider block of the course's LocalStack template: identical in every main.tf.
constexpr std::string_view kTerraformHeader = R"(terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region                      = "us-east-1"
  access_key                  = "test"
  secret_key                  = "test"
  s3_use_path_style           = true
  skip_credentials_validation = true
  skip_metadata_api_check     = true
  skip_requesting_account_id  = true

  endpoints {
    s3         = "http://localhost:4566"
    lambda     = "http://localhost:4566"
    iam        = "http://localhost:4566"
    dynamodb   = "http://localhost:4566"
    sqs        = "http://localhost:4566"
    cloudwatch = "http://localhost:4566"
    events     = "http://localhost:4566"
  }
}

)";

constexpr std::size_t kVariableCount = 256;
constexpr std::size_t kFunctionCount = 64;
constexpr std::size_t kClassCount = 16;
constexpr std::size_t kConstantCount = 48;

// The names one student uses; generators pick by index so any vocabulary fits any stream.
struct Vocabulary {
  std::array<std::string, kVariableCount> variables;
  std::array<std::string, kFunctionCount> functions;
  std::array<std::string, kClassCount> classes;
  std::array<std::string, kConstantCount> constants;
};

std::string capitalized(std::string_view word) {
  std::string out(word);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

std::string upper(std::string_view word) {
  std::string out(word);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  return out;
}

Vocabulary make_vocabulary(std::uint64_t seed) {
  Random random(seed);
  Vocabulary v;
  for (auto& name : v.variables) {
    name = random.pick(kNouns);
    if (random.chance(0.5)) (name += '_') += random.pick(kQualifiers);
    if (random.chance(0.08)) name += std::to_string(random.below(10));
  }
  for (auto& name : v.functions) ((name = random.pick(kVerbs)) += '_') += random.pick(kNouns);
  for (auto& name : v.classes)
    (name = capitalized(random.pick(kNouns))) += capitalized(random.pick(kVerbs));
  for (auto& name : v.constants) {
    name = upper(random.pick(kNouns));
    if (random.chance(0.6)) (name += '_') += upper(random.pick(kQualifiers));
  }
  return v;
}

void append_words(std::string& out, Random& random, std::size_t count, char separator) {
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0) out += separator;
    out += random.pick_skewed(kProseWords);
  }
}

// One Spanish-like sentence: capitalized, commas now and then, a final stop.
void append_sentence(std::string& out, Random& random) {
  const std::size_t words = random.between(6, 22);
  const std::size_t start = out.size();
  for (std::size_t i = 0; i < words; ++i) {
    if (i > 0) out += random.chance(0.08) ? ", " : " ";
    out += random.pick_skewed(kProseWords);
  }
  if (out[start] >= 'a' && out[start] <= 'z') out[start] = static_cast<char>(out[start] - 32);
  out += random.chance(0.1) ? "? " : ". ";
}

class PythonWriter {
 public:
  PythonWriter(std::string& out, Random& random, const Vocabulary& names)
      : out_(out), random_(random), names_(names) {}

  void file(std::size_t target_bytes) {
    const std::size_t start = out_.size();
    out_ += kPythonHeader;
    for (std::uint32_t i = random_.below(4); i > 0; --i) out_ += random_.pick(kExtraImports);
    out_ += kLoggingSetup;
    for (std::uint32_t i = random_.between(1, 3); i > 0; --i) comment();
    for (std::uint32_t i = random_.between(3, 8); i > 0; --i) constant();
    out_ += '\n';
    while (out_.size() - start < target_bytes) {
      const std::uint32_t r = random_.below(100);
      if (r < 60) function();
      else if (r < 80) class_definition();
      else top_level_client();
      out_ += "\n\n";
    }
    out_ += "if __name__ == \"__main__\":\n    ";
    out_ += function_name();
    out_ += "()\n";
  }

  // A few statements, for code blocks quoted in prose.
  void snippet(std::uint32_t statements) {
    for (; statements > 0; --statements) statement(1);
  }

 private:
  const std::string& variable() { return names_.variables[random_.skewed(kVariableCount)]; }
  const std::string& function_name() { return names_.functions[random_.skewed(kFunctionCount)]; }
  const std::string& constant_name() { return names_.constants[random_.skewed(kConstantCount)]; }
  const std::string& class_name() { return names_.classes[random_.skewed(kClassCount)]; }

  void indent() { out_.append(indent_ * 4, ' '); }

  void comment() {
    indent();
    out_ += "# ";
    append_words(out_, random_, random_.between(3, 12), ' ');
    out_ += '\n';
  }

  void string_literal() {
    out_ += '"';
    switch (random_.below(4)) {
      case 0: append_words(out_, random_, random_.between(1, 6), ' '); break;
      case 1: append_words(out_, random_, random_.between(1, 3), '_'); break;
      case 2: (out_ += "http://localhost:") += std::to_string(random_.between(4000, 9999)); break;
      default: (out_ += random_.pick(kNouns)) += "/"; break;
    }
    out_ += '"';
  }

  void number() {
    if (random_.chance(0.25)) (out_ += std::to_string(random_.below(100))) += ".5";
    else out_ += std::to_string(random_.skewed(1000));
  }

  void constant() {
    out_ += constant_name();
    out_ += " = ";
    switch (random_.below(5)) {
      case 0: string_literal(); break;
      case 1: number(); break;
      case 2:
        out_ += "os.environ.get(\"";
        out_ += constant_name();
        out_ += "\", ";
        string_literal();
        out_ += ')';
        break;
      case 3:
        out_ += "float(os.getenv(\"";
        out_ += constant_name();
        out_ += "\", \"";
        number();
        out_ += "\"))";
        break;
      default:
        out_ += '[';
        for (std::uint32_t i = random_.between(1, 4); i > 0; --i) {
          string_literal();
          if (i > 1) out_ += ", ";
        }
        out_ += ']';
    }
    out_ += '\n';
  }

  void atom() {
    const std::uint32_t r = random_.below(10);
    if (r < 6) out_ += variable();
    else if (r < 8) number();
    else if (r < 9) string_literal();
    else out_ += constant_name();
  }

  void arguments(int depth, std::uint32_t max_count) {
    out_ += '(';
    for (std::uint32_t i = random_.below(max_count + 1); i > 0; --i) {
      if (random_.chance(0.25)) (out_ += variable()) += '=';
      expression(depth + 1);
      if (i > 1) out_ += ", ";
    }
    out_ += ')';
  }

  void expression(int depth) {
    if (depth >= 3) return atom();
    const std::uint32_t r = random_.below(100);
    if (r < 30) atom();
    else if (r < 40) ((out_ += variable()) += '.') += random_.pick(kMethods);
    else if (r < 48) {
      out_ += variable();
      out_ += '[';
      if (random_.chance(0.6)) string_literal();
      else number();
      out_ += ']';
    } else if (r < 63) {
      const std::uint32_t callee = random_.below(3);
      if (callee == 0) out_ += random_.pick(kBuiltinCalls);
      else if (callee == 1) out_ += function_name();
      else ((out_ += variable()) += '.') += random_.pick(kMethods);
      arguments(depth, 3);
    } else if (r < 73) {
      expression(depth + 1);
      constexpr std::string_view kOperators[] = {" + ", " - ", " * ", " / ", " // ", " % "};
      out_ += random_.pick(kOperators);
      expression(depth + 1);
    } else if (r < 78) {
      out_ += "f\"";
      append_words(out_, random_, random_.between(1, 4), ' ');
      for (std::uint32_t i = random_.between(1, 3); i > 0; --i) (((out_ += " {") += variable()) += "}");
      out_ += '"';
    } else if (r < 83) {
      ((out_ += variable()) += ".get(");
      string_literal();
      out_ += ", ";
      atom();
      out_ += ')';
    } else if (r < 88) {
      out_ += random_.chance(0.5) ? "json.dumps(" : "json.loads(";
      expression(depth + 1);
      out_ += ')';
    } else if (r < 93) {
      out_ += '{';
      for (std::uint32_t i = random_.between(1, 3); i > 0; --i) {
        string_literal();
        out_ += ": ";
        expression(depth + 1);
        if (i > 1) out_ += ", ";
      }
      out_ += '}';
    } else if (r < 96) {
      out_ += '[';
      expression(depth + 1);
      out_ += " for ";
      out_ += variable();
      out_ += " in ";
      out_ += variable();
      if (random_.chance(0.4)) {
        out_ += " if ";
        condition(depth + 1);
      }
      out_ += ']';
    } else {
      expression(depth + 1);
      out_ += " if ";
      condition(depth + 1);
      out_ += " else ";
      expression(depth + 1);
    }
  }

  void condition(int depth) {
    // Past depth 2 the last case, which nests, is left out.
    switch (random_.below(depth >= 2 ? 7 : 8)) {
      case 0: (out_ += variable()) += " is None"; break;
      case 1: (out_ += "not ") += variable(); break;
      case 2: ((out_ += variable()) += " > ") += std::to_string(random_.skewed(100)); break;
      case 3: ((out_ += "len(") += variable()) += ") == 0"; break;
      case 4:
        string_literal();
        (out_ += " in ") += variable();
        break;
      case 5:
        ((out_ += "isinstance(") += variable()) += random_.chance(0.5) ? ", dict)" : ", list)";
        break;
      case 6:
        expression(depth + 1);
        out_ += random_.chance(0.5) ? " == " : " != ";
        expression(depth + 1);
        break;
      default:
        condition(depth + 1);
        out_ += random_.chance(0.5) ? " and " : " or ";
        condition(depth + 1);
    }
  }

  void block(int depth) {
    ++indent_;
    const std::uint32_t count = depth >= 2 ? random_.between(1, 2) : random_.between(1, 5);
    for (std::uint32_t i = 0; i < count; ++i) statement(depth + 1);
    --indent_;
  }

  void statement(int depth) {
    const std::uint32_t r = random_.below(100);
    const bool nest = depth < 3;
    indent();
    if (r < 24 || (!nest && r >= 42 && r < 74)) {
      (out_ += variable()) += " = ";
      expression(0);
    } else if (r < 30) {
      constexpr std::string_view kAugmented[] = {" += ", " -= ", " *= "};
      (out_ += variable()) += random_.pick(kAugmented);
      expression(1);
    } else if (r < 42) {
      call_statement();
    } else if (r < 52) {
      out_ += "if ";
      condition(0);
      out_ += ":\n";
      block(depth);
      if (random_.chance(0.25)) {
        indent();
        out_ += "elif ";
        condition(0);
        out_ += ":\n";
        block(depth);
      }
      if (random_.chance(0.4)) {
        indent();
        out_ += "else:\n";
        block(depth);
      }
      return;
    } else if (r < 60) {
      ((out_ += "for ") += variable()) += " in ";
      if (random_.chance(0.3)) {
        out_ += "range(";
        expression(2);
        out_ += ')';
      } else {
        expression(1);
      }
      out_ += ":\n";
      block(depth);
      return;
    } else if (r < 64) {
      out_ += "while ";
      condition(0);
      out_ += ":\n";
      block(depth);
      ++indent_;
      indent();
      out_ += random_.chance(0.5) ? "break\n" : "time.sleep(1)\n";
      --indent_;
      return;
    } else if (r < 70) {
      out_ += "try:\n";
      block(depth);
      indent();
      ((out_ += "except ") += random_.pick(kExceptions)) += " as e:\n";
      ++indent_;
      indent();
      out_ += "logger.error(";
      string_literal();
      out_ += ", e)\n";
      --indent_;
      if (random_.chance(0.3)) {
        indent();
        out_ += "finally:\n";
        block(depth);
      }
      return;
    } else if (r < 74) {
      out_ += "with open(";
      expression(2);
      out_ += random_.chance(0.5) ? ", \"w\") as " : ") as ";
      (out_ += variable()) += ":\n";
      block(depth);
      return;
    } else if (r < 80) {
      out_ += "# ";
      append_words(out_, random_, random_.between(3, 12), ' ');
    } else if (r < 86) {
      (out_ += variable()) += " = {\n";
      ++indent_;
      for (std::uint32_t i = random_.between(2, 6); i > 0; --i) {
        indent();
        string_literal();
        out_ += ": ";
        expression(1);
        out_ += ",\n";
      }
      --indent_;
      indent();
      out_ += '}';
    } else if (r < 94) {
      (out_ += variable()) += '[';
      string_literal();
      out_ += "] = ";
      expression(1);
    } else {
      service_call();
    }
    out_ += '\n';
  }

  void call_statement() {
    switch (random_.below(3)) {
      case 0:
        out_ += "logger.info(";
        string_literal();
        (out_ += ", ") += variable();
        out_ += ')';
        break;
      case 1:
        out_ += "print(f\"";
        append_words(out_, random_, random_.between(1, 5), ' ');
        ((out_ += ": {") += variable()) += "}\")";
        break;
      default:
        ((out_ += variable()) += '.') += random_.pick(kMethods);
        arguments(1, 3);
    }
  }

  // Kafka and AWS calls in the shapes the course's examples use.
  void service_call() {
    switch (random_.below(4)) {
      case 0:
        ((((out_ += variable()) += ".send(") += constant_name()) += ", value=") += variable();
        out_ += ')';
        break;
      case 1:
        ((out_ += variable()) += ".put_object(Bucket=") += constant_name();
        out_ += ", Key=";
        expression(2);
        ((out_ += ", Body=json.dumps(") += variable()) += "))";
        break;
      case 2:
        ((out_ += variable()) += " = ") += random_.pick(kMethods);
        out_ += "_client.poll(timeout_ms=";
        out_ += std::to_string(random_.between(1, 10) * 100);
        out_ += ')';
        break;
      default:
        ((out_ += variable()) += ".commit()");
    }
  }

  void docstring() {
    indent();
    out_ += "\"\"\"";
    append_sentence(out_, random_);
    out_ += "\"\"\"\n";
  }

  void parameters(bool method) {
    out_ += '(';
    if (method) out_ += "self";
    for (std::uint32_t i = random_.below(4), first = !method; i > 0; --i, first = false) {
      if (!first) out_ += ", ";
      out_ += variable();
      if (random_.chance(0.2)) {
        out_ += '=';
        atom();
      }
    }
    out_ += "):\n";
  }

  void function_body() {
    ++indent_;
    if (random_.chance(0.4)) docstring();
    for (std::uint32_t i = random_.between(2, 10); i > 0; --i) statement(0);
    if (random_.chance(0.7)) {
      indent();
      out_ += "return ";
      expression(0);
      out_ += '\n';
    }
    --indent_;
  }

  void function() {
    (out_ += "def ") += function_name();
    parameters(false);
    function_body();
  }

  void class_definition() {
    (out_ += "class ") += class_name();
    if (random_.chance(0.3)) out_ += random_.chance(0.5) ? "(Exception)" : "(object)";
    out_ += ":\n";
    ++indent_;
    if (random_.chance(0.5)) docstring();
    indent();
    out_ += "def __init__";
    parameters(true);
    ++indent_;
    for (std::uint32_t i = random_.between(1, 5); i > 0; --i) {
      indent();
      ((out_ += "self.") += variable()) += " = ";
      expression(1);
      out_ += '\n';
    }
    --indent_;
    for (std::uint32_t i = random_.between(1, 4); i > 0; --i) {
      out_ += '\n';
      indent();
      (out_ += "def ") += function_name();
      parameters(true);
      function_body();
    }
    --indent_;
  }

  void top_level_client() {
    if (random_.chance(0.5)) {
      (out_ += variable()) += " = KafkaProducer(\n    bootstrap_servers=[";
      out_ += constant_name();
      out_ += "],\n    value_serializer=lambda v: json.dumps(v).encode(\"utf-8\"),\n)\n";
    } else {
      (out_ += variable()) += " = boto3.client(";
      string_literal();
      out_ += ", endpoint_url=";
      out_ += constant_name();
      out_ += ")\n";
    }
  }

  std::string& out_;
  Random& random_;
  const Vocabulary& names_;
  std::size_t indent_ = 0;
};

constexpr std::string_view kResourceTypes[] = {
    "aws_s3_bucket", "aws_lambda_function", "aws_iam_role", "aws_dynamodb_table",
    "aws_sqs_queue", "aws_cloudwatch_event_rule", "aws_cloudwatch_event_target",
    "aws_lambda_permission", "aws_iam_role_policy", "aws_s3_bucket_notification",
};

class TerraformWriter {
 public:
  TerraformWriter(std::string& out, Random& random, const Vocabulary& names)
      : out_(out), random_(random), names_(names) {}

  void file(std::size_t target_bytes) {
    const std::size_t start = out_.size();
    out_ += kTerraformHeader;
    while (out_.size() - start < target_bytes) {
      const std::uint32_t r = random_.below(100);
      if (r < 70) resource();
      else if (r < 80) variable_block();
      else if (r < 90) output_block();
      else archive();
      out_ += '\n';
    }
  }

 private:
  const std::string& name() { return names_.variables[random_.skewed(kVariableCount)]; }

  void reference() {
    ((((out_ += random_.pick(kResourceTypes)) += '.') += name()) += '.') +=
        random_.chance(0.5) ? "arn" : "id";
  }

  void quoted_name() {
    ((out_ += '"') += name()) += '"';
  }

  void attribute(std::string_view key) { ((out_ += "  ") += key) += " = "; }

  void resource() {
    const auto type = random_.pick(kResourceTypes);
    ((out_ += "resource \"") += type) += "\" ";
    quoted_name();
    out_ += " {\n";
    if (type == "aws_lambda_function") {
      attribute("function_name");
      quoted_name();
      out_ += '\n';
      attribute("role");
      reference();
      out_ += '\n';
      attribute("handler");
      ((out_ += '"') += name()) += ".lambda_handler\"\n";
      attribute("runtime");
      out_ += random_.chance(0.5) ? "\"python3.11\"\n" : "\"python3.9\"\n";
      attribute("timeout");
      out_ += std::to_string(random_.between(3, 60));
      out_ += "\n  filename = data.archive_file.";
      (out_ += name()) += ".output_path\n";
      out_ += "  environment {\n    variables = {\n";
      for (std::uint32_t i = random_.between(1, 4); i > 0; --i) {
        ((out_ += "      ") += names_.constants[random_.skewed(kConstantCount)]) += " = ";
        reference();
        out_ += '\n';
      }
      out_ += "    }\n  }\n";
    } else if (type == "aws_iam_role" || type == "aws_iam_role_policy") {
      attribute("name");
      quoted_name();
      out_ += "\n  ";
      out_ += type == "aws_iam_role" ? "assume_role_policy" : "policy";
      out_ += " = jsonencode({\n    Version = \"2012-10-17\"\n    Statement = [{\n";
      out_ += "      Action = [";
      for (std::uint32_t i = random_.between(1, 3); i > 0; --i) {
        ((out_ += "\"") += random_.pick(kMethods)) += i > 1 ? "\", " : "\"";
      }
      out_ += "]\n      Effect = \"Allow\"\n      Resource = \"*\"\n    }]\n  })\n";
    } else if (type == "aws_dynamodb_table") {
      attribute("name");
      quoted_name();
      out_ += "\n  billing_mode = \"PAY_PER_REQUEST\"\n  hash_key = ";
      quoted_name();
      out_ += "\n  attribute {\n    name = ";
      quoted_name();
      out_ += random_.chance(0.5) ? "\n    type = \"S\"\n  }\n" : "\n    type = \"N\"\n  }\n";
    } else if (type == "aws_cloudwatch_event_rule") {
      attribute("name");
      quoted_name();
      out_ += "\n  schedule_expression = \"rate(";
      out_ += std::to_string(random_.between(1, 10));
      out_ += " minutes)\"\n";
    } else {
      for (std::uint32_t i = random_.between(1, 4); i > 0; --i) {
        attribute(name());
        if (random_.chance(0.5)) quoted_name();
        else reference();
        out_ += '\n';
      }
    }
    if (random_.chance(0.4)) {
      out_ += "  tags = {\n    Name = ";
      quoted_name();
      out_ += "\n    Curso = \"streaming\"\n  }\n";
    }
    out_ += "}\n";
  }

  void variable_block() {
    out_ += "variable ";
    quoted_name();
    out_ += " {\n  type    = string\n  default = ";
    quoted_name();
    out_ += "\n}\n";
  }

  void output_block() {
    out_ += "output ";
    quoted_name();
    out_ += " {\n  value = ";
    reference();
    out_ += "\n}\n";
  }

  void archive() {
    out_ += "data \"archive_file\" ";
    quoted_name();
    out_ += " {\n  type        = \"zip\"\n  source_file = \"lambdas/";
    (out_ += name()) += ".py\"\n  output_path = \"";
    (out_ += name()) += ".zip\"\n}\n";
  }

  std::string& out_;
  Random& random_;
  const Vocabulary& names_;
};

void write_compose(std::string& out, Random& random, const Vocabulary& names, bool kafka) {
  out += "version: \"3.8\"\nservices:\n";
  if (kafka) {
    out += "  zookeeper:\n    image: confluentinc/cp-zookeeper:7.4.0\n    environment:\n";
    out += "      ZOOKEEPER_CLIENT_PORT: 2181\n      ZOOKEEPER_TICK_TIME: 2000\n";
    out += "  kafka:\n    image: confluentinc/cp-kafka:7.4.0\n    depends_on:\n      - zookeeper\n";
    out += "    ports:\n      - \"9092:9092\"\n    environment:\n      KAFKA_BROKER_ID: 1\n";
    out += "      KAFKA_ZOOKEEPER_CONNECT: zookeeper:2181\n";
    out += "      KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://localhost:9092\n";
    out += "      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1\n";
    for (std::uint32_t i = random.below(3); i > 0; --i) {
      ((out += "  ") += names.variables[random.skewed(kVariableCount)]) += ":\n    build: .\n";
      out += "    depends_on:\n      - kafka\n    environment:\n";
      ((out += "      ") += names.constants[random.skewed(kConstantCount)]) += ": kafka:9092\n";
    }
  } else {
    out += "  localstack:\n    image: localstack/localstack:3.0\n    ports:\n";
    out += "      - \"4566:4566\"\n    environment:\n      - SERVICES=";
    out += random.chance(0.5) ? "s3,lambda,iam,events\n" : "s3,lambda,dynamodb,iam\n";
    out += "      - DEBUG=";
    out += std::to_string(random.below(2));
    out += "\n    volumes:\n      - \"/var/run/docker.sock:/var/run/docker.sock\"\n";
  }
}

void write_prompts(std::string& out, Random& random, const Vocabulary& names, std::size_t target) {
  const std::size_t start = out.size();
  out += "# Prompts\n\n";
  for (std::uint32_t prompt = 1; out.size() - start < target; ++prompt) {
    ((out += "## Prompt ") += std::to_string(prompt)) += "\n\n**Pregunta:** ";
    for (std::uint32_t i = random.between(1, 3); i > 0; --i) append_sentence(out, random);
    out += "\n\n**Respuesta:** ";
    for (std::uint32_t i = random.between(3, 8); i > 0; --i) append_sentence(out, random);
    out += "\n\n";
    if (random.chance(0.3)) {
      out += "```python\n";
      PythonWriter(out, random, names).snippet(random.between(2, 6));
      out += "```\n\n";
    }
    out += "**Lo que cambié:** ";
    for (std::uint32_t i = random.between(1, 4); i > 0; --i) append_sentence(out, random);
    out += "\n\n";
  }
}

struct Options {
  fs::path out;
  std::uint32_t submissions = 0;
  std::uint64_t seed = 1;
  double kb = 60;
  double images_share = 0;
  std::string manifest;
};

// How big each file of a submission is and whose names it uses: a function of (seed, index).
struct SubmissionPlan {
  std::uint64_t vocabulary_seed;
  std::size_t producer_bytes, consumer_bytes, lambda_bytes, terraform_bytes, prompts_bytes;
};

SubmissionPlan plan_for(const Options& options, std::uint32_t index) {
  Random random(stream_seed(options.seed, index, kPlanStream));
  const double total = options.kb * 1024 * (0.7 + 0.6 * static_cast<double>(random.below(1000)) / 1000);
  const auto share = [&](double s) { return static_cast<std::size_t>(total * s); };
  return {stream_seed(options.seed, index, kVocabularyStream), share(0.24), share(0.18),
          share(0.14), share(0.18), share(0.22)};
}

std::size_t planned_bytes(const SubmissionPlan& plan, FileKind kind) {
  switch (kind) {
    case FileKind::producer: return plan.producer_bytes;
    case FileKind::consumer: return plan.consumer_bytes;
    case FileKind::lambda: return plan.lambda_bytes;
    case FileKind::terraform: return plan.terraform_bytes;
    default: return plan.prompts_bytes;
  }
}

// Appends file `kind` of submission `source`, with the identifiers of `names`.
void generate_file(std::string& out, const Options& options, std::uint32_t source, FileKind kind,
                   const Vocabulary& names) {
  const SubmissionPlan plan = plan_for(options, source);
  Random random(stream_seed(options.seed, source, static_cast<std::uint64_t>(kind)));
  switch (kind) {
    case FileKind::producer:
    case FileKind::consumer:
    case FileKind::lambda: PythonWriter(out, random, names).file(planned_bytes(plan, kind)); break;
    case FileKind::terraform: TerraformWriter(out, random, names).file(plan.terraform_bytes); break;
    case FileKind::kafka_compose: write_compose(out, random, names, true); break;
    case FileKind::localstack_compose: write_compose(out, random, names, false); break;
    case FileKind::prompts: write_prompts(out, random, names, plan.prompts_bytes); break;
  }
}

// A file copied from another submission into this one.
struct PlantedCopy {
  FileKind kind;
  std::uint32_t source;
  bool verbatim;  // otherwise identifiers renamed to the copier's own
};

constexpr double kCopierShare = 0.05;
constexpr FileKind kCopyableKinds[] = {FileKind::producer, FileKind::consumer, FileKind::lambda,
                                       FileKind::terraform};

std::vector<PlantedCopy> planted_copies(const Options& options, std::uint32_t index) {
  Random random(stream_seed(options.seed, index, kCopyStream));
  std::vector<PlantedCopy> copies;
  if (options.submissions < 2 || !random.chance(kCopierShare)) return copies;
  std::uint32_t source = random.below(options.submissions - 1);
  if (source >= index) ++source;
  const std::uint32_t first = random.below(4);
  copies.push_back({kCopyableKinds[first], source, random.chance(0.5)});
  if (random.chance(0.4))
    copies.push_back({kCopyableKinds[(first + 1 + random.below(3)) % 4], source, random.chance(0.5)});
  return copies;
}

std::string submission_name(std::uint32_t index) {
  char name[32];
  std::snprintf(name, sizeof name, "sub_%05u", index + 1);
  return name;
}

// One write per file: the content is built in memory first.
void write_whole_file(const fs::path& path, const std::string& content) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr || std::fwrite(content.data(), 1, content.size(), file) != content.size() ||
      std::fclose(file) != 0)
    throw std::runtime_error(path.string() + ": cannot write");
}

// A terminal screenshot as PNG: the images channel decodes and hashes real captures.
void write_image(std::string& out, Random& random) {
  std::mt19937 draw(static_cast<std::uint32_t>(random.next()));
  std::vector<uchar> png;
  if (!cv::imencode(".png", terminal_capture(draw), png)) throw std::runtime_error("cannot encode PNG");
  out.assign(png.begin(), png.end());
}

struct Totals {
  std::atomic<std::uint64_t> files{0}, bytes{0};
};

void write_submission(const Options& options, std::uint32_t index, std::string& buffer,
                      Totals& totals) {
  const SubmissionPlan plan = plan_for(options, index);
  const Vocabulary names = make_vocabulary(plan.vocabulary_seed);
  const std::vector<PlantedCopy> copies = planted_copies(options, index);
  const fs::path root = options.out / submission_name(index);
  fs::create_directories(root / "kafka");
  fs::create_directories(root / "localstack" / "lambdas");

  const auto emit = [&](const fs::path& path, FileKind kind) {
    buffer.clear();
    std::uint32_t source = index;
    const Vocabulary* vocabulary = &names;
    std::optional<Vocabulary> source_names;
    for (const auto& copy : copies) {
      if (copy.kind != kind) continue;
      source = copy.source;
      if (copy.verbatim)
        vocabulary = &source_names.emplace(make_vocabulary(plan_for(options, source).vocabulary_seed));
    }
    generate_file(buffer, options, source, kind, *vocabulary);
    write_whole_file(path, buffer);
    ++totals.files;
    totals.bytes += buffer.size();
  };
  emit(root / "kafka" / "productor.py", FileKind::producer);
  emit(root / "kafka" / "consumidor.py", FileKind::consumer);
  emit(root / "kafka" / "docker-compose.yml", FileKind::kafka_compose);
  emit(root / "localstack" / "lambdas" / (names.functions[0] + ".py"), FileKind::lambda);
  emit(root / "localstack" / "main.tf", FileKind::terraform);
  emit(root / "localstack" / "docker-compose.yml", FileKind::localstack_compose);
  emit(root / "PROMPTS.md", FileKind::prompts);

  Random image_random(stream_seed(options.seed, index, kImageStream));
  if (image_random.chance(options.images_share)) {
    buffer.clear();
    write_image(buffer, image_random);
    fs::create_directories(root / "capturas");
    write_whole_file(root / "capturas" / "localstack.png", buffer);
    ++totals.files;
    totals.bytes += buffer.size();
  }
}

std::string_view kind_name(FileKind kind) {
  switch (kind) {
    case FileKind::producer: return "kafka/productor.py";
    case FileKind::consumer: return "kafka/consumidor.py";
    case FileKind::lambda: return "localstack/lambdas/*.py";
    case FileKind::terraform: return "localstack/main.tf";
    default: return "other";
  }
}

// Tab-separated: copier, source, file, verbatim|renamed; lets run.sh check what was found.
std::size_t write_manifest(const Options& options) {
  std::ofstream manifest;
  if (!options.manifest.empty()) manifest.open(options.manifest);
  std::size_t count = 0;
  for (std::uint32_t i = 0; i < options.submissions; ++i)
    for (const auto& copy : planted_copies(options, i)) {
      ++count;
      if (manifest.is_open())
        manifest << submission_name(i) << '\t' << submission_name(copy.source) << '\t'
                 << kind_name(copy.kind) << '\t' << (copy.verbatim ? "verbatim" : "renamed")
                 << '\n';
    }
  return count;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  CLI::App app{"huella-bench-gen: writes a synthetic cohort of submissions for benchmarks"};
  app.add_option("--out", options.out, "Cohort folder to create (must not exist)")->required();
  app.add_option("--submissions", options.submissions, "Number of submissions")
      ->required()
      ->check(CLI::Range(1u, 9'999'999u));
  app.add_option("--seed", options.seed, "Random seed: equal seeds give equal cohorts")
      ->capture_default_str();
  app.add_option("--kb", options.kb, "Average text per submission, in KiB")
      ->capture_default_str()
      ->check(CLI::Range(1.0, 100'000.0));
  app.add_option("--images-share", options.images_share,
                 "Share of submissions that also hold a screenshot, a 1280x800 terminal capture (0-1)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--manifest", options.manifest, "Write the planted copies to FILE (TSV)");
  CLI11_PARSE(app, argc, argv);

  std::error_code ec;
  if (fs::exists(options.out, ec)) {
    std::cerr << options.out.string() << ": already exists; choose a new folder\n";
    return 2;
  }
  const auto started = std::chrono::steady_clock::now();
  Totals totals;
  try {
    fs::create_directories(options.out);
    tbb::parallel_for(tbb::blocked_range<std::uint32_t>(0, options.submissions, 16),
                      [&](const tbb::blocked_range<std::uint32_t>& range) {
                        std::string buffer;  // reused: one allocation per worker chunk
                        for (auto i = range.begin(); i != range.end(); ++i)
                          write_submission(options, i, buffer, totals);
                      });
  } catch (const std::exception& e) {
    std::cerr << e.what() << "\n";
    return 2;
  }
  const std::size_t planted = write_manifest(options);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("%u submissions, %llu files, %.1f MB, %zu planted copies, %.2f s\n",
              options.submissions, static_cast<unsigned long long>(totals.files.load()),
              static_cast<double>(totals.bytes.load()) / 1e6, planted, seconds);
  return 0;
}
