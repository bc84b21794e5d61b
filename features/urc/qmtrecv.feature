Feature: +QMTRECV — a message from the server reaches the host (spec 4.2)

  Rule: A PUBLISH to a subscribed topic is reported as +QMTRECV with the payload length when msg_len_enable is 1

    @spec:4.2:message-with-length @spec:3.3.1:recv/mode:set
    Scenario: Another client publishes to a topic client 0 subscribed to
      When the host sends AT+QMTCFG="recv/mode",0,0,1
      Then the module answers OK
      Given client 0 is connected to the broker as "qmt-recv"
      And client 0 has subscribed to "qmt/recv/one" at QoS 1
      When another client publishes "hello, module" to "qmt/recv/one" at QoS 1
      Then the module reports +QMTRECV: 0,*,"qmt/recv/one",13,"hello, module"
