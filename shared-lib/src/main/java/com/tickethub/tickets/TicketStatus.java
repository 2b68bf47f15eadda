package com.tickethub.tickets;

/** A ticket's life: issued when its order is paid, checked in once at the gate, void when refunded. */
public enum TicketStatus { ISSUED, CHECKED_IN, VOID }
