#!/usr/bin/env python3
"""Renders the screenshot fixtures of fixtures/cohort with ImageMagick (convert, DejaVu fonts).

Originals: terminal output, a Kafka-UI-like message table, a terraform apply log and an S3
listing, each student with their own data, under <student>/{kafka,localstack}/capturas/.
Copies: four copier students (ruiz_alba, sanz_marcos, vidal_carmen, molina_teo) whose captures are
transformed copies (exact, resized, JPEG, cropped, brightness, overlay, embedded) of one
classmate's, plus one capture of their own. Writes the labels of the copies and of the hard
negatives (same tool and theme, different data) to /tmp/labels_images*.json.

Usage: scripts/render_capturas.py [COHORT]   (default fixtures/cohort; needs /usr/bin/convert)
"""
import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

CONVERT = "/usr/bin/convert"
MONO, SANS = "DejaVu-Sans-Mono", "DejaVu-Sans"
WIDTH, HEIGHT = 1280, 800
# ImageMagick's own date chunks would make every render differ; screenshot tools write these two.
NO_DATES = ["+set", "date:create", "+set", "date:modify", "-define", "png:exclude-chunks=date,time"]

PLACES = ["Valparaiso, Chile", "Tarapaca, Chile", "Arequipa, Peru", "Oaxaca, Mexico",
          "Hokkaido, Japan", "Kodiak, Alaska", "Guerrero, Mexico", "Antofagasta, Chile",
          "Coquimbo, Chile", "Ica, Peru", "Honshu, Japan", "Sumatra, Indonesia",
          "Luzon, Philippines", "Crete, Greece", "Cusco, Peru", "Atacama, Chile"]


def quote(text):
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("%", "%%") + "'"


class Canvas:
    """An MVG draw list over a plain background."""

    def __init__(self, width, height, background):
        self.width, self.height, self.background, self.ops = width, height, background, []

    def rect(self, x0, y0, x1, y1, fill, radius=0):
        shape = f"roundrectangle {x0},{y0} {x1},{y1} {radius},{radius}" if radius else f"rectangle {x0},{y0} {x1},{y1}"
        self.ops.append(f"fill '{fill}' stroke none {shape}")

    def circle(self, x, y, r, fill):
        self.ops.append(f"fill '{fill}' stroke none circle {x},{y} {x + r},{y}")

    def text(self, x, y, text, fill, font=MONO, size=15, weight=""):
        bold = f"font-weight {weight} " if weight else ""
        self.ops.append(f"font '{font}' font-size {size} {bold}fill '{fill}' stroke none text {x},{y} {quote(text)}")

    def save(self, path, metadata):
        path.parent.mkdir(parents=True, exist_ok=True)
        tags = []
        for key, value in metadata.items():
            tags += ["-set", key, value]
        run([CONVERT, "-size", f"{self.width}x{self.height}", f"xc:{self.background}",
             "-draw", "\n".join(self.ops), *NO_DATES, *tags, str(path)])
        optimize(path)


def run(args):
    subprocess.run(args, check=True)


def optimize(path):
    """A 32-colour palette and optipng keep the fixtures small; the text stays anti-aliased."""
    if path.suffix == ".png":
        run([CONVERT, str(path), "+dither", "-colors", "32", *NO_DATES, str(path)])
        if shutil.which("optipng"):
            run(["optipng", "-quiet", "-o2", str(path)])


TERMINAL_BG, TERMINAL_FG = "#1e1e1e", "#d4d4d4"
GREEN, YELLOW, CYAN, RED, GREY = "#8ae234", "#fce94f", "#34e2e2", "#ef2929", "#888a85"
CELL = 9.03  # advance of DejaVu Sans Mono at 15 points


def terminal(title, lines):
    """A dark terminal window; each line is a list of (colour, text) segments."""
    c = Canvas(WIDTH, HEIGHT, TERMINAL_BG)
    c.rect(0, 0, WIDTH, 30, "#2d2d2d")
    for i, colour in enumerate(["#ff5f56", "#ffbd2e", "#27c93f"]):
        c.circle(18 + 22 * i, 15, 6, colour)
    c.text(WIDTH // 2 - len(title) * 4, 20, title, "#bdbdbd", SANS, 13)
    y = 52
    for segments in lines[-37:]:
        col = 0
        for colour, text in segments:
            if text.strip():
                c.text(round(12 + col * CELL), y, text, colour)
            col += len(text)
        y += 20
    return c


def prompt(p, folder, command):
    return [(GREEN, f"{p['user']}@{p['host']}"), (TERMINAL_FG, ":"), (CYAN, f"~/entregas/{folder}"),
            (TERMINAL_FG, "$ " + command)]


def quakes(rng, n):
    out = []
    for _ in range(n):
        out.append({"mag": round(rng.uniform(2.5, 6.9), 1), "place": rng.choice(PLACES),
                    "depth": round(rng.uniform(5, 180), 1),
                    "time": f"2024-11-{rng.randint(1, 14):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z",
                    "id": f"us7000{rng.randint(10000, 99999):05d}"[:12]})
    return out


def consumer_capture(p, rng):
    lines = [prompt(p, "kafka", f"python {p['consumer']}"),
             [(TERMINAL_FG, f"Escuchando el topic '{p['topic']}' en localhost:9092 ...")], []]
    for i, q in enumerate(quakes(rng, 30)):
        alert = q["mag"] >= p["threshold"]
        lines.append([(GREY, f"[{i:03d}] "), (RED if alert else TERMINAL_FG, f"M{q['mag']:.1f}"),
                      (TERMINAL_FG, f"  {q['place']:<22} prof {q['depth']:>5.1f} km  {q['time']}"),
                      (RED, "  ALERTA") if alert else (TERMINAL_FG, "")])
    lines.append([(TERMINAL_FG, "^C")])
    lines.append([(YELLOW, f"Total: 30 mensajes, {p['threshold']} o mas: alerta")])
    return terminal(f"{p['user']}@{p['host']}: ~/entregas/kafka", lines)


def producer_capture(p, rng):
    lines = [prompt(p, "kafka", f"python {p['producer']}"),
             [(TERMINAL_FG, f"Conectado a localhost:9092, publicando en '{p['topic']}' cada {p['interval']} s")]]
    for q in quakes(rng, 32):
        lines.append([(GREEN, "enviado "), (TERMINAL_FG, f"{q['id']} M{q['mag']:.1f} {q['place']}"),
                      (GREY, f"  -> particion {rng.randint(0, 2)} offset {rng.randint(0, 900)}")])
    return terminal(f"{p['user']}@{p['host']}: ~/entregas/kafka", lines)


def terraform_capture(p, rng):
    lines = [prompt(p, "localstack", "terraform apply -auto-approve"), []]
    for kind, name, attrs in p["resources"][-2:]:
        lines.append([(TERMINAL_FG, f"  # {kind}.{name} will be created")])
        lines.append([(GREEN, "  + "), (TERMINAL_FG, f'resource "{kind}" "{name}" {{')])
        for key, value in attrs:
            lines.append([(GREEN, "      + "), (TERMINAL_FG, f"{key:<22} = {value}")])
        lines.append([(TERMINAL_FG, "    }")])
    lines += [[], [(TERMINAL_FG, "Plan: "), (TERMINAL_FG, f"{len(p['resources'])} to add, 0 to change, 0 to destroy.")], []]
    for kind, name, _ in p["resources"]:
        lines.append([(TERMINAL_FG, f"{kind}.{name}: Creating...")])
    for kind, name, attrs in p["resources"]:
        values = dict(attrs)
        ident = values.get("function_name", values.get("name", values.get("bucket", name))).strip('"')
        lines.append([(TERMINAL_FG, f"{kind}.{name}: Creation complete after {rng.randint(0, 9)}s [id={ident}]")])
    lines += [[], [(GREEN, f"Apply complete! Resources: {len(p['resources'])} added, 0 changed, 0 destroyed.")], [],
              [(GREEN, "Outputs:")], []]
    for key, value in p["outputs"]:
        lines.append([(TERMINAL_FG, f'{key} = "{value}"')])
    return terminal(f"{p['user']}@{p['host']}: ~/entregas/localstack", lines)


def s3_capture(p, rng):
    lines = [prompt(p, "localstack", "awslocal s3 ls"),
             [(TERMINAL_FG, f"2024-11-{p['day']:02d} 09:{rng.randint(10, 59)}:{rng.randint(10, 59)} {p['bucket']}")],
             prompt(p, "localstack", f"awslocal s3 ls s3://{p['bucket']}/ --recursive --human-readable")]
    for _ in range(30):
        hh, mm, ss = rng.randint(9, 18), rng.randint(0, 59), rng.randint(0, 59)
        size = f"{rng.uniform(0.3, 2.4):.1f} KiB"
        lines.append([(TERMINAL_FG, f"2024-11-{p['day']:02d} {hh:02d}:{mm:02d}:{ss:02d}  {size:>9}  "
                                    f"{p['prefix']}/{p['day']:02d}/{hh:02d}{mm:02d}{ss:02d}.json")])
    lines.append([(TERMINAL_FG, "")])
    lines.append(prompt(p, "localstack", ""))
    return terminal(f"{p['user']}@{p['host']}: ~/entregas/localstack", lines)


def kafka_ui_capture(p, rng):
    c = Canvas(WIDTH, HEIGHT, "#ffffff")
    c.rect(0, 0, WIDTH, 52, "#171a1c")
    c.text(20, 33, "UI for Apache Kafka", "#ffffff", SANS, 17, "bold")
    c.text(WIDTH - 180, 33, p["cluster"], "#aab3bb", SANS, 13)
    c.rect(0, 52, 230, HEIGHT, "#f4f5f7")
    c.text(20, 86, "Dashboard", "#171a1c", SANS, 14)
    c.text(20, 122, p["cluster"], "#171a1c", SANS, 14, "bold")
    for i, item in enumerate(["Brokers", "Topics", "Consumers", "Schema Registry", "KSQL DB"]):
        if item == "Topics":
            c.rect(12, 138 + 34 * i, 222, 166 + 34 * i, "#e3e6e8", 4)
        c.text(36, 158 + 34 * i, item, "#454f58", SANS, 14)
    c.text(260, 92, f"Topics  /  {p['topic']}", "#171a1c", SANS, 20, "bold")
    for i, tab in enumerate(["Overview", "Messages", "Consumers", "Settings", "Statistics"]):
        c.text(260 + 110 * i, 132, tab, "#4f4ff0" if tab == "Messages" else "#73848c", SANS, 14)
    c.rect(370, 140, 450, 143, "#4f4ff0")
    columns = [("Offset", 260), ("Partition", 330), ("Timestamp", 420), ("Key", 600), ("Value", 700)]
    c.rect(250, 160, WIDTH - 20, 190, "#f1f2f3")
    for name, x in columns:
        c.text(x, 180, name.upper(), "#73848c", SANS, 11, "bold")
    y = 215
    for offset, q in enumerate(quakes(rng, 20)):
        value = json.dumps({"id": q["id"], "mag": q["mag"], "place": q["place"], "depth": q["depth"]})
        row = [str(p["first_offset"] + offset), str(offset % p["partitions"]),
               f"14/11/2024, {10 + offset // 6}:{(7 * offset) % 60:02d}:{(13 * offset) % 60:02d}",
               q["id"], value[:62] + ("..." if len(value) > 62 else "")]
        for (_, x), cell in zip(columns, row):
            c.text(x, y, cell, "#171a1c", SANS, 13)
        c.rect(250, y + 11, WIDTH - 20, y + 12, "#e3e6e8")
        y += 29
    return c


def profile(user, host, topic, bucket, prefix, day, resources, seed, **extra):
    p = {"user": user, "host": host, "topic": topic, "bucket": bucket, "prefix": prefix, "day": day,
         "resources": resources, "seed": seed, "consumer": "consumidor.py", "producer": "productor.py",
         "threshold": 4.5, "interval": 10, "cluster": "local", "first_offset": 0, "partitions": 1,
         "outputs": [("bucket", bucket)]}
    p.update(extra)
    return p


def lambda_stack(bucket, role, function, handler, extra=()):
    return [("aws_s3_bucket", "datos", [("bucket", f'"{bucket}"'), ("force_destroy", "true"),
                                         ("arn", "(known after apply)")]),
            ("aws_iam_role", "lambda", [("name", f'"{role}"'), ("arn", "(known after apply)")]),
            *extra,
            ("aws_lambda_function", "tracker", [("function_name", f'"{function}"'), ("handler", f'"{handler}"'),
                                                ("runtime", '"python3.11"'), ("timeout", "30"),
                                                ("arn", "(known after apply)"), ("role", "(known after apply)")])]


SCHEDULE = ("aws_cloudwatch_event_rule", "cada_minuto", [("name", '"iss-cada-minuto"'),
                                                          ("schedule_expression", '"rate(1 minute)"')])

STUDENTS = {
    "alvarez_lucia": profile("lucia", "portatil", "sismos", "lucia-iss-posiciones", "posiciones", 14,
                             lambda_stack("lucia-iss-posiciones", "rol-lambda-iss", "iss-tracker", "iss_tracker.handler"),
                             11),
    "herrera_javier": profile("javier", "thinkpad", "sismos-usgs", "jherrera-datos-iss", "iss", 13,
                              lambda_stack("jherrera-datos-iss", "jherrera-lambda-role", "jherrera-iss",
                                           "handler.lambda_handler", [SCHEDULE]),
                              23, threshold=5.0, cluster="kafka-local", partitions=3, first_offset=120),
    "yanez_rocio": profile("rocio", "mac-rocio", "quakes", "rocio-iss-lake", "raw", 12,
                           lambda_stack("rocio-iss-lake", "rocio-lambda-exec", "rocio-iss-ingest", "app.handler"),
                           37, interval=5, producer="producer.py"),
    "vargas_andres": profile("andres", "ubuntu-vm", "sismos", "andres-vargas-iss-raw", "iss/raw", 11,
                             lambda_stack("andres-vargas-iss-raw", "andres-iss-role", "andres-iss-poller",
                                          "poller.handler", [SCHEDULE]),
                             41, threshold=4.0, consumer="consumer.py"),
    "fernandez_diego": profile("diego", "pc-casa", "usgs-quakes", "", "", 10, [], 53, threshold=5.5,
                               cluster="dev", partitions=2),
    "zamora_felipe": profile("felipe", "asus", "", "fz-iss-positions", "positions", 13,
                             lambda_stack("fz-iss-positions", "fz-lambda-role", "fz-iss-positions",
                                          "main.handler"),
                             67),
    "ibarra_daniela": profile("daniela", "lenovo", "sismos", "daniela-iss-bucket", "datos", 12,
                              lambda_stack("daniela-iss-bucket", "daniela-rol", "daniela-iss", "lambda.handler"),
                              71, threshold=4.8, partitions=3),
}

# Which captures each original holds: (folder, file name, renderer).
CAPTURES = {
    "alvarez_lucia": [("kafka", "kafka_ui_mensajes.png", kafka_ui_capture), ("kafka", "consumidor.png", consumer_capture),
                      ("localstack", "terraform_apply.png", terraform_capture), ("localstack", "s3_listado.png", s3_capture)],
    "herrera_javier": [("kafka", "kafka_ui.png", kafka_ui_capture), ("localstack", "terraform_apply.png", terraform_capture),
                       ("localstack", "s3_ls.png", s3_capture)],
    "yanez_rocio": [("kafka", "productor.png", producer_capture), ("kafka", "kafka_ui.png", kafka_ui_capture),
                    ("localstack", "apply.png", terraform_capture)],
    "vargas_andres": [("kafka", "consumidor.png", consumer_capture), ("localstack", "terraform_apply.png", terraform_capture),
                      ("localstack", "s3_listado.png", s3_capture)],
    "fernandez_diego": [("kafka", "kafka_ui.png", kafka_ui_capture), ("kafka", "consumidor.png", consumer_capture)],
    "zamora_felipe": [("localstack", "terraform_apply.png", terraform_capture), ("localstack", "s3.png", s3_capture)],
    "ibarra_daniela": [("kafka", "kafka_ui.png", kafka_ui_capture), ("localstack", "terraform.png", terraform_capture)],
}


def render_originals(cohort):
    for student, captures in CAPTURES.items():
        p = STUDENTS[student]
        for n, (folder, name, render) in enumerate(captures):
            rng = random.Random(f"{p['seed']}-{name}")
            when = random.Random(f"time-{student}-{name}")
            meta = {"Software": "gnome-screenshot",
                    "Creation Time": f"2024-11-{p['day']:02d} {9 + 2 * n + when.randint(0, 1):02d}:"
                                     f"{when.randint(0, 59):02d}:{when.randint(0, 59):02d}"}
            render(p, rng).save(cohort / student / folder / "capturas" / name, meta)


def transform(source, target, *operations):
    target.parent.mkdir(parents=True, exist_ok=True)
    run([CONVERT, str(source), *operations, *NO_DATES, str(target)])
    optimize(target)


def embedded(source, target):
    """The capture pasted at 62% into a larger desktop capture with a panel and another window."""
    desktop = Canvas(1600, 1000, "#3b4a6b")
    desktop.rect(0, 0, 1600, 34, "#202020")
    desktop.text(18, 23, "Actividades      Firefox      13 nov 19:42", "#e0e0e0", SANS, 14)
    desktop.rect(900, 120, 1560, 900, "#fafafa", 6)
    desktop.rect(900, 120, 1560, 160, "#e6e6e6", 6)
    desktop.text(930, 146, "Modulo 8 - Streaming y Cloud - Guia de la entrega", "#333333", SANS, 14)
    for i, line in enumerate(["Parte 2: LocalStack", "1. Levanta LocalStack con docker compose",
                              "2. Crea el bucket y la lambda con Terraform", "3. Adjunta una captura del apply",
                              "4. Comprueba el bucket con awslocal s3 ls"]):
        desktop.text(930, 200 + 34 * i, line, "#222222", SANS, 15)
    base = target.with_name("_escritorio.png")
    desktop.save(base, {})
    run([CONVERT, str(base), "(", str(source), "-resize", "62%", ")", "-geometry", "+60+90", "-composite",
         *NO_DATES, "-set", "Software", "gnome-screenshot", str(target)])
    base.unlink()
    optimize(target)


PROMPTS = {
    "ruiz_alba": "Use ChatGPT para entender el compose de Kafka y para arreglar el rol de la lambda en Terraform.\n"
                 "Lo demas lo hice mirando la documentacion de LocalStack.",
    "sanz_marcos": "Pregunte a Copilot como listar los mensajes del topic desde la interfaz web y por que el apply\n"
                   "fallaba con las credenciales. Al final puse test/test en el provider.",
    "vidal_carmen": "Le pedi a Claude un productor que mandara sismos cada cinco segundos y luego lo adapte a mi\n"
                    "topic. Para Terraform segui los apuntes de clase.",
    "molina_teo": "No guarde los prompts exactos. Pregunte sobre awslocal y sobre como programar la lambda con\n"
                  "EventBridge cada minuto; la respuesta funciono con un cambio en el nombre del rol.",
}


def render_copies(cohort):
    o = lambda student, folder, name: cohort / student / folder / "capturas" / name
    planted = []

    def copy(a, b, levels, files, note):
        planted.append({"a": a, "b": b, "channels": ["images"], "levels": levels,
                        "files": [[f"{fa[0]}/capturas/{fa[1]}", f"{fb[0]}/capturas/{fb[1]}"] for fa, fb in files],
                        "note": note})

    # ruiz_alba <- alvarez_lucia: the same file, a 70% resize, a JPEG at quality 70.
    o("ruiz_alba", "kafka", "").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(o("alvarez_lucia", "kafka", "kafka_ui_mensajes.png"), o("ruiz_alba", "kafka", "mensajes_kafka.png"))
    transform(o("alvarez_lucia", "localstack", "terraform_apply.png"), o("ruiz_alba", "localstack", "terraform.png"),
              "-resize", "70%")
    transform(o("alvarez_lucia", "localstack", "s3_listado.png"), o("ruiz_alba", "localstack", "bucket_s3.jpg"),
              "-quality", "70")
    ruiz = random.Random("ruiz")
    consumer_capture(profile("alba", "hp-alba", "sismos-alba", "", "", 12, [], 83), ruiz).save(
        o("ruiz_alba", "kafka", "consumidor.png"), {"Software": "gnome-screenshot", "Creation Time": "2024-11-12 18:03:40"})
    copy("alvarez_lucia", "ruiz_alba", ["exact", "resized", "jpeg"],
         [(("kafka", "kafka_ui_mensajes.png"), ("kafka", "mensajes_kafka.png")),
          (("localstack", "terraform_apply.png"), ("localstack", "terraform.png")),
          (("localstack", "s3_listado.png"), ("localstack", "bucket_s3.jpg"))],
         "same file renamed; terraform apply resized to 70%; S3 listing saved as JPEG quality 70")

    # sanz_marcos <- herrera_javier: a 12% crop of the Kafka UI, the apply log brighter with more contrast.
    transform(o("herrera_javier", "kafka", "kafka_ui.png"), o("sanz_marcos", "kafka", "kafka.png"),
              "-crop", "1130x700+150+52", "+repage")
    transform(o("herrera_javier", "localstack", "terraform_apply.png"), o("sanz_marcos", "localstack", "apply.png"),
              "-brightness-contrast", "25x20")
    copy("herrera_javier", "sanz_marcos", ["cropped", "brightness"],
         [(("kafka", "kafka_ui.png"), ("kafka", "kafka.png")),
          (("localstack", "terraform_apply.png"), ("localstack", "apply.png"))],
         "Kafka UI cropped (sidebar and top bar cut, 12% of the width, 12% of the height); terraform apply "
         "with brightness +25 and contrast +20")

    # vidal_carmen <- yanez_rocio: her name typed over the producer capture; the apply log at 85% as WebP.
    transform(o("yanez_rocio", "kafka", "productor.png"), o("vidal_carmen", "kafka", "productor.png"),
              "-fill", "#202020", "-draw", "rectangle 0,660 360,740", "-font", SANS, "-pointsize", "28",
              "-fill", "#ffd54f", "-annotate", "+24+712", "Carmen Vidal - M8")
    transform(o("yanez_rocio", "localstack", "apply.png"), o("vidal_carmen", "localstack", "terraform.webp"),
              "-resize", "85%", "-quality", "80")
    copy("yanez_rocio", "vidal_carmen", ["overlay", "resized"],
         [(("kafka", "productor.png"), ("kafka", "productor.png")),
          (("localstack", "apply.png"), ("localstack", "terraform.webp"))],
         "her name typed in a box over the bottom-left corner of the producer output (hiding 4 lines); apply log resized "
         "to 85% and saved as WebP")

    # molina_teo <- vargas_andres: the apply log inside a desktop capture; the S3 listing cropped 18% as JPEG;
    # the consumer resized to 60% as GIF.
    embedded(o("vargas_andres", "localstack", "terraform_apply.png"), o("molina_teo", "localstack", "escritorio.png"))
    transform(o("vargas_andres", "localstack", "s3_listado.png"), o("molina_teo", "localstack", "s3.jpg"),
              "-crop", "1050x800+0+0", "+repage", "-quality", "75")
    transform(o("vargas_andres", "kafka", "consumidor.png"), o("molina_teo", "kafka", "consumer.gif"),
              "-resize", "60%")
    copy("vargas_andres", "molina_teo", ["embedded", "cropped", "jpeg", "resized"],
         [(("localstack", "terraform_apply.png"), ("localstack", "escritorio.png")),
          (("localstack", "s3_listado.png"), ("localstack", "s3.jpg")),
          (("kafka", "consumidor.png"), ("kafka", "consumer.gif"))],
         "apply log pasted at 62% into a 1600x1000 desktop capture; S3 listing with the right 18% cut, "
         "JPEG quality 75; consumer output at 60% as GIF")

    molina = random.Random("molina")
    producer_capture(profile("teo", "debian", "sismos-teo", "", "", 13, [], 97), molina).save(
        o("molina_teo", "kafka", "productor.png"), {"Software": "Spectacle", "Creation Time": "2024-11-13 20:11:05"})

    for student, text in PROMPTS.items():
        (cohort / student / "PROMPTS.md").write_text(f"# PROMPTS\n\n{text}\n", encoding="utf-8")
    return planted


def hard_negatives():
    pairs = [("alvarez_lucia", "herrera_javier", "localstack/capturas/terraform_apply.png", "localstack/capturas/terraform_apply.png",
              "two terraform apply logs in the same dark terminal (different buckets, roles, resource counts)"),
             ("alvarez_lucia", "zamora_felipe", "localstack/capturas/terraform_apply.png", "localstack/capturas/terraform_apply.png",
              "the same three resources in the same terminal; only names, timings and outputs differ"),
             ("alvarez_lucia", "ibarra_daniela", "localstack/capturas/terraform_apply.png", "localstack/capturas/terraform.png",
              "the same three resources; the closest pair of the cohort (91% of the text cells agree)"),
             ("alvarez_lucia", "yanez_rocio", "kafka/capturas/kafka_ui_mensajes.png", "kafka/capturas/kafka_ui.png",
              "the same Kafka UI messages view, other topic and messages"),
             ("fernandez_diego", "ibarra_daniela", "kafka/capturas/kafka_ui.png", "kafka/capturas/kafka_ui.png",
              "the same Kafka UI messages view, other cluster, topic and messages"),
             ("vargas_andres", "zamora_felipe", "localstack/capturas/s3_listado.png", "localstack/capturas/s3.png",
              "two S3 listings in the same terminal"),
             ("alvarez_lucia", "fernandez_diego", "kafka/capturas/consumidor.png", "kafka/capturas/consumidor.png",
              "two consumer outputs in the same terminal"),
             ("molina_teo", "yanez_rocio", "kafka/capturas/productor.png", "kafka/capturas/productor.png",
              "two producer outputs in the same terminal"),
             ("ruiz_alba", "vargas_andres", "kafka/capturas/consumidor.png", "kafka/capturas/consumidor.png",
              "the copier's own consumer output against another consumer output")]
    return [{"a": a, "b": b, "channels": ["images"], "files": [[fa, fb]], "note": note} for a, b, fa, fb, note in pairs]


def main():
    cohort = Path(sys.argv[1] if len(sys.argv) > 1 else "fixtures/cohort")
    render_originals(cohort)
    planted = render_copies(cohort)
    Path("/tmp/labels_images.json").write_text(json.dumps(planted, indent=2, ensure_ascii=False) + "\n")
    Path("/tmp/labels_images_negatives.json").write_text(json.dumps(hard_negatives(), indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
