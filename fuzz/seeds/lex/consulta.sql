consulta.sql
SELECT pais, COUNT(*) AS n FROM ventas v JOIN paises p ON v.id = p.id -- nota
WHERE fecha > '2024-01-01' GROUP BY pais HAVING n > 10;
/* bloque */ INSERT INTO t VALUES (1, 'a''b');
