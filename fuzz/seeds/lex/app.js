app.js
import { Kafka } from 'kafkajs';
const kafka = new Kafka({ brokers: [`${HOST}:9092`] });
async function main() { const re = /a+b/g; for (let i = 0; i < 10; i++) { await send({ topic: 'x', value: JSON.stringify({ i }) }); } }
main().catch(e => console.error(e)); // done
