// Vocabulary for generated message bodies: what customers and agents write in a WhatsApp inbox,
// in English, Portuguese and Spanish. Earlier words are picked more often (a rough Zipf curve),
// so searches meet very common words, ordinary ones and rare ones, as on a real inbox.

export const englishWords = [
  "the", "you", "order", "thanks", "please", "hello", "delivery", "today", "tomorrow", "payment",
  "price", "can", "help", "where", "is", "my", "package", "invoice", "refund", "address",
  "when", "will", "arrive", "tracking", "number", "product", "size", "color", "available", "stock",
  "discount", "coupon", "shipping", "free", "store", "open", "closed", "hours", "appointment", "booking",
  "cancel", "change", "receipt", "card", "transfer", "confirmed", "received", "sent", "waiting", "problem",
  "broken", "replacement", "warranty", "support", "manager", "call", "morning", "afternoon", "evening", "weekend",
];

export const portugueseWords = [
  "o", "você", "pedido", "obrigado", "por", "favor", "olá", "entrega", "hoje", "amanhã",
  "pagamento", "preço", "pode", "ajudar", "onde", "está", "meu", "pacote", "nota", "fiscal",
  "reembolso", "endereço", "quando", "vai", "chegar", "rastreio", "número", "produto", "tamanho", "cor",
  "disponível", "estoque", "desconto", "cupom", "frete", "grátis", "loja", "aberta", "fechada", "horário",
  "agendamento", "reserva", "cancelar", "trocar", "comprovante", "cartão", "pix", "confirmado", "recebido", "enviado",
  "aguardando", "problema", "quebrado", "troca", "garantia", "atendimento", "gerente", "ligar", "manhã", "tarde",
];

export const spanishWords = [
  "el", "usted", "pedido", "gracias", "por", "favor", "hola", "entrega", "hoy", "mañana",
  "pago", "precio", "puede", "ayudar", "dónde", "está", "mi", "paquete", "factura", "reembolso",
  "dirección", "cuándo", "llegará", "seguimiento", "número", "producto", "talla", "color", "disponible", "existencias",
  "descuento", "cupón", "envío", "gratis", "tienda", "abierta", "cerrada", "horario", "cita", "reserva",
  "cancelar", "cambiar", "recibo", "tarjeta", "transferencia", "confirmado", "recibido", "enviado", "esperando", "problema",
  "roto", "reemplazo", "garantía", "soporte", "gerente", "llamar", "mañanita", "tarde", "noche", "semana",
];

/** Contact names, first and last, as Brazilian, Spanish-speaking and English customers have them. */
export const firstNames = [
  "Ana", "João", "Maria", "Pedro", "Fernanda", "Lucas", "Juliana", "Carlos", "Camila", "Rafael",
  "Sofía", "Mateo", "Valentina", "Santiago", "Lucía", "Diego", "Isabella", "Javier", "Emma", "Oliver",
  "Olivia", "James", "Charlotte", "William", "Amelia", "Henry", "Beatriz", "Gabriel", "Larissa", "Thiago",
];

export const lastNames = [
  "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Almeida", "Costa", "Gomes", "Martins",
  "García", "Martínez", "López", "Sánchez", "Pérez", "Gómez", "Fernández", "Díaz", "Moreno", "Romero",
  "Smith", "Johnson", "Brown", "Taylor", "Wilson", "Davies", "Evans", "Thomas", "Walker", "Wright",
];

/** A word that a few dozen messages carry, for the rare-word search. */
export const rareWord = "xilofone";
